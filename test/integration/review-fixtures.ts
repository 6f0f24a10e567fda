import { randomUUID } from "node:crypto";
import type { RoleName } from "../../lib/auth/permissions";
import type { Ctx } from "../../lib/server/context";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createToken } from "../../lib/server/tokens/create-token";
import { createUser } from "../../lib/server/users/create-user";

/** A shelf with a model and versions 1..n; version n−1 is production. */
export async function reviewModel(versions = 2) {
  const tag = randomUUID().slice(0, 8);
  const shelf = await db().shelf.create({ data: { slug: `shelf-${tag}`, title: `Shelf ${tag}`, team: "discovery" }, select: { id: true, slug: true } });
  const model = await db().model.create({ data: { name: `model-${tag}`, shelfId: shelf.id }, select: { id: true, name: true } });
  const ids: number[] = [];
  for (let v = 1; v <= versions; v++) {
    ids.push((await db().modelVersion.create({ data: { modelId: model.id, version: v, trainedAt: new Date(Date.UTC(2026, 0, v)) }, select: { id: true } })).id);
  }
  await db().modelAlias.create({ data: { modelId: model.id, alias: "production", versionId: ids[versions - 2]! } });
  return { shelf, model, versionIds: ids };
}

/** A user with a role and the ctx the data layer gets for them. */
export async function userCtx(role: RoleName): Promise<Ctx> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const user = await createUser({ ctx: systemCtx("test"), input: { email, name: `${role} user`, role, password: "a-long-password" } });
  return { actor: { kind: "user", id: user.id, email, name: user.name, role, leadShelfIds: [] }, now: new Date() };
}

/** A bearer token with the given scopes. */
export async function token(scopes: ("ingest" | "gate" | "read")[]): Promise<string> {
  return (await createToken({ ctx: systemCtx("test"), input: { name: `t-${randomUUID().slice(0, 6)}`, scopes } })).token;
}

/** A JSON request to the API with a bearer token. */
export function apiRequest(path: string, options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Request(`http://localhost${path}`, { method: options.method ?? "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

export const routeParams = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

/** Catalogue items "item:<prefix>-<i>" of alternating types. */
export function catalog(prefix: string, n: number) {
  const types = ["podcast", "episode", "playlist", "album"] as const;
  return Array.from({ length: n }, (_, i) => ({ uri: `item:${prefix}-${i}`, type: types[i % types.length]!, title: `Title ${prefix} ${i}`, creator: `Creator ${i % 5}`, genres: ["comedy"] }));
}

/** A ranked list of the given catalogue indexes, ranks 1..n in order. */
export function ranked(prefix: string, indexes: number[]) {
  return indexes.map((index, i) => ({ uri: `item:${prefix}-${index}`, rank: i + 1, score: 1 - i / 100, reason: `reason ${index}` }));
}
