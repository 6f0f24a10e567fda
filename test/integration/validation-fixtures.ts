import { randomUUID } from "node:crypto";
import { createProfileBuilder } from "../../lib/drift/builder";
import type { DatasetProfile } from "../../lib/drift/profile";
import { db } from "../../lib/server/db";
import { seedModel } from "../../prisma/seed/shelves";
import { params, request } from "./registry-fixtures";
import { POST as postStatistics } from "../../app/api/v1/models/[model]/statistics/route";
import { POST as postRows } from "../../app/api/v1/models/[model]/feature-rows/route";

// Shared set-up of the validation tests: a model with versions and deployments, and profiles drawn
// from simple, seeded distributions (a planted shift where a test wants one).

export const DAY_MS = 86_400_000;
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A small deterministic generator (mulberry32), so profiles are the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Shift = { minutesScale?: number; newDevice?: number; dropMinutes?: boolean };

const DEVICES = ["mobile", "desktop", "tv"];

/** One logged row: minutes (numeric), device (categorical), completion (numeric). */
export function row(next: () => number, shift: Shift = {}): Record<string, unknown> {
  const r: Record<string, unknown> = {
    device: shift.newDevice && next() < shift.newDevice ? "car" : DEVICES[Math.floor(next() * next() * 3)],
    completion: next() < 0.02 ? null : next() * 0.5 + next() * 0.5,
  };
  if (!shift.dropMinutes) r.minutes = Math.round(-Math.log(1 - next()) * 100) * (shift.minutesScale ?? 1);
  return r;
}

/** A profile of `n` rows drawn with a seed and an optional shift. */
export function profileOf(seed: number, n = 2_000, shift: Shift = {}): DatasetProfile {
  const next = rng(seed);
  const builder = createProfileBuilder();
  for (let i = 0; i < n; i++) builder.add(row(next, shift));
  return builder.finish();
}

/** A fresh model with `n` versions trained a week apart from `start`. */
export async function modelWithVersions(n: number, start = day("2026-01-01")) {
  const m = await seedModel(db(), { slug: `val-${randomUUID().slice(0, 8)}` });
  await db().modelVersion.createMany({ data: Array.from({ length: n }, (_, i) => ({ modelId: m.modelId, version: i + 1, trainedAt: new Date(start.getTime() + i * 7 * DAY_MS) })) });
  const versions = await db().modelVersion.findMany({ where: { modelId: m.modelId }, orderBy: { version: "asc" }, select: { id: true, version: true } });
  return { ...m, versions };
}

/** Puts a version in production at an instant (a row of the deployment log). */
export async function deploy(modelId: number, versionId: number, at: Date) {
  await db().deployment.create({ data: { modelId, toVersionId: versionId, reason: "promotion", actor: "test", createdAt: at } });
}

/** POSTs statistics (any JSON) for a dataset through the route handler. */
export function post(model: string, token: string | null, query: string, body: unknown, headers: Record<string, string> = {}) {
  return postStatistics(request("POST", `/api/v1/models/${model}/statistics?${query}`, token, body, headers), params({ model }));
}

/** POSTs an NDJSON body (a string or a stream) through the feature-rows route handler. */
export function postNdjson(model: string, token: string, query: string, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson", ...headers }, body, duplex: "half" };
  return postRows(new Request(`http://localhost/api/v1/models/${model}/feature-rows?${query}`, init), params({ model }));
}
