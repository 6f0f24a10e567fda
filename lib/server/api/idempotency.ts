import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";

export type StoredResponse = { status: number; body: unknown };

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");
}

/**
 * A fingerprint computed while a streamed body is read (NDJSON uploads are never held whole): feed it
 * every chunk, then `digest()` gives the same value `requestFingerprint` would for the whole text.
 */
export function streamingFingerprint(method: string, path: string) {
  const hash = createHash("sha256").update(`${method} ${path}\n`);
  return { update: (chunk: Uint8Array) => void hash.update(chunk), digest: () => hash.digest("hex") };
}

/** What a request under a key already used gets: its stored response, or a conflict. */
type Claim = { kind: "owned" } | { kind: "replay"; requestHash: string; response: StoredResponse };

/**
 * Claims an Idempotency-Key for one caller. Returns the stored response when the key was used before
 * for the same request, null when the caller now owns the key; a different request under the same key,
 * or one still in flight, is a conflict. With `fingerprint` null (a streamed body not read yet) the
 * caller compares the stored request hash itself, once it has read the body.
 */
export async function claimIdempotencyKey(actor: string, key: string, method: string, path: string, fingerprint: string | null): Promise<Claim> {
  try {
    await db().idempotencyKey.create({ data: { actor, key, method, path, requestHash: fingerprint ?? "" }, select: { id: true } });
    return { kind: "owned" };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
  }
  const row = await db().idempotencyKey.findUnique({ where: { actor_key: { actor, key } }, select: { requestHash: true, status: true, response: true } });
  if (!row) throw new AppError("CONFLICT", "This Idempotency-Key is being released; retry.");
  if (fingerprint !== null && row.requestHash !== fingerprint) throw differentRequest();
  if (row.status === null) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still in progress.");
  return { kind: "replay", requestHash: row.requestHash, response: { status: row.status, body: row.response } };
}

export function differentRequest(): AppError {
  return new AppError("CONFLICT", "This Idempotency-Key was already used for a different request.");
}

/** Stores the response that later replays of the key will get (and the request's hash, once a streamed body is read). */
export async function completeIdempotencyKey(actor: string, key: string, response: StoredResponse, requestHash?: string): Promise<void> {
  await db().idempotencyKey.update({
    where: { actor_key: { actor, key } },
    data: { status: response.status, response: response.body == null ? Prisma.JsonNull : (response.body as Prisma.InputJsonValue), ...(requestHash ? { requestHash } : {}) },
    select: { id: true },
  });
}

/** Frees a key whose request failed, so that the caller may retry it. */
export async function releaseIdempotencyKey(actor: string, key: string): Promise<void> {
  await db().idempotencyKey.deleteMany({ where: { actor, key, status: null } });
}
