import "server-only";
import { DriftInputError } from "../../drift/errors";
import { mergeProfiles } from "../../drift/merge";
import type { DatasetProfile } from "../../drift/profile";
import { Prisma } from "../../generated/prisma/client";
import type { DatasetTarget } from "../../schemas/validation";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { ModelRef } from "../models/find-model";
import { loadProfile } from "./load-profiles";

// Storing a posted profile as the dataset it was posted for: training of a version, a serving day, or
// an evaluation set. Replacing an identical profile changes nothing; merging adds the new profile to
// the stored one (shards of a day), which only native profiles can do (TFDV statistics carry no sketch).

export type ResolvedTarget = { kind: DatasetTarget["kind"]; datasetKey: string; versionId: number | null; version: number | null; day: Date | null };

export type StoredProfile = { statisticsId: number; created: boolean; changed: boolean; merged: boolean; profile: DatasetProfile };

/** The dataset key and version row of a target; an unknown version is NOT_FOUND. */
export async function resolveTarget(tx: Tx, model: ModelRef, target: DatasetTarget): Promise<ResolvedTarget> {
  if (target.kind === "serving") return { kind: "serving", datasetKey: `serving:${target.day}`, versionId: null, version: null, day: new Date(`${target.day}T00:00:00Z`) };
  const version = target.version!;
  const row = await tx.modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version } }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", `${model.name} has no version ${version}: register it before posting its statistics.`, [{ path: "version", message: "unknown version" }]);
  const datasetKey = target.kind === "training" ? `training:v${version}` : `evaluation:v${version}${target.dataset ? `:${target.dataset}` : ""}`;
  return { kind: target.kind, datasetKey, versionId: row.id, version, day: null };
}

// JSONB reorders keys: compare profiles through a canonical form.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Stores (replaces or merges) the profile of a dataset in the caller's transaction. */
export async function storeProfile(tx: Tx, input: { model: ModelRef; target: ResolvedTarget; profile: DatasetProfile; source: string; mode: "replace" | "merge"; now: Date }): Promise<StoredProfile> {
  const { model, target } = input;
  const existing = await tx.featureStatistics.findUnique({ where: { modelId_datasetKey: { modelId: model.id, datasetKey: target.datasetKey } }, select: { id: true, numExamples: true, source: true } });
  let profile = input.profile;
  let merged = false;
  if (existing) {
    const stored = await loadProfile(tx, existing.id, { withSketches: true });
    if (input.mode === "merge") {
      try {
        profile = mergeProfiles(stored!, input.profile);
        merged = true;
      } catch (error) {
        if (error instanceof DriftInputError) throw new AppError("CONFLICT", `Cannot merge into ${target.datasetKey}: ${error.message} Post with mode=replace instead.`, [{ path: "mode", message: "cannot merge" }]);
        throw error;
      }
    } else if (stored && existing.source === input.source && existing.numExamples === profile.numExamples && canonical(stored.features) === canonical(profile.features)) {
      return { statisticsId: existing.id, created: false, changed: false, merged: false, profile };
    }
  }
  const source = merged && existing && existing.source !== input.source ? `${existing.source}+${input.source}` : input.source;
  const fields = { kind: target.kind, versionId: target.versionId, day: target.day, source, numExamples: profile.numExamples, featureCount: profile.features.length };
  let statisticsId: number;
  if (existing) {
    await tx.featureStatistics.update({ where: { id: existing.id }, data: { ...fields, createdAt: input.now }, select: { id: true } });
    await tx.featureProfile.deleteMany({ where: { statisticsId: existing.id } });
    statisticsId = existing.id;
  } else {
    statisticsId = (await tx.featureStatistics.create({ data: { modelId: model.id, datasetKey: target.datasetKey, ...fields, createdAt: input.now }, select: { id: true } })).id;
  }
  const rows = profile.features.map((f) => ({ statisticsId, name: f.name, type: f.type, count: f.count, missing: f.missing, stats: f as unknown as Prisma.InputJsonValue }));
  for (let i = 0; i < rows.length; i += 500) await tx.featureProfile.createMany({ data: rows.slice(i, i + 500) });
  return { statisticsId, created: !existing, changed: true, merged, profile };
}
