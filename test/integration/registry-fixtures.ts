import { randomUUID } from "node:crypto";
import type { RoleName, TokenScope } from "../../lib/auth/permissions";
import { systemCtx, type Ctx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createToken } from "../../lib/server/tokens/create-token";
import { createUser } from "../../lib/server/users/create-user";
import { seedModel } from "../../prisma/seed/shelves";

// Shared set-up of the registry's integration tests: a fresh model per test, tokens, users, requests.

/** A new shelf and model with the demo's declared metrics and gate (ndcg@10, higher is better, 0.3). */
export async function freshModel(threshold = 0.3) {
  const slug = `reg-${randomUUID().slice(0, 8)}`;
  return seedModel(db(), { slug, threshold });
}

export async function tokenWith(scopes: TokenScope[]): Promise<string> {
  return (await createToken({ ctx: systemCtx("test"), input: { name: `t-${randomUUID()}`, scopes } })).token;
}

export async function userCtx(role: RoleName): Promise<Ctx> {
  const user = await createUser({ ctx: systemCtx("test"), input: { email: `${role}-${randomUUID()}@example.com`, name: role, role, password: "password-123" } });
  return { actor: { kind: "user", id: user.id, email: user.email, name: user.name, role, leadShelfIds: [] }, now: new Date() };
}

/** A request to a route handler, as Next would pass it. */
export function request(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

export const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

export async function auditCount(action: string): Promise<number> {
  return db().auditEvent.count({ where: { action } });
}

/** Creates versions 1..n directly (one week apart), for tests that need many. */
export async function bulkVersions(modelId: number, n: number, start = new Date("2026-01-01T00:00:00Z")) {
  await db().modelVersion.createMany({
    data: Array.from({ length: n }, (_, i) => ({ modelId, version: i + 1, trainedAt: new Date(start.getTime() + i * 7 * 86_400_000) })),
  });
  return db().modelVersion.findMany({ where: { modelId }, orderBy: { version: "asc" }, select: { id: true, version: true, trainedAt: true } });
}
