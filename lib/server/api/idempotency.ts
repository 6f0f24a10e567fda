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
 * Claims an Idempotency-Key for one caller. Returns the stored response when the key was used before
 * for the same request, null when the caller now owns the key; a different request under the same key,
 * or one still in flight, is a conflict.
 */
export async function claimIdempotencyKey(actor: string, key: string, method: string, path: string, fingerprint: string): Promise<StoredResponse | null> {
  try {
    await db().idempotencyKey.create({ data: { actor, key, method, path, requestHash: fingerprint }, select: { id: true } });
    return null;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
  }
  const row = await db().idempotencyKey.findUnique({ where: { actor_key: { actor, key } }, select: { requestHash: true, status: true, response: true } });
  if (!row) throw new AppError("CONFLICT", "This Idempotency-Key is being released; retry.");
  if (row.requestHash !== fingerprint) throw new AppError("CONFLICT", "This Idempotency-Key was already used for a different request.");
  if (row.status === null) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still in progress.");
  return { status: row.status, body: row.response };
}

/** Stores the response that later replays of the key will get. */
export async function completeIdempotencyKey(actor: string, key: string, response: StoredResponse): Promise<void> {
  await db().idempotencyKey.update({
    where: { actor_key: { actor, key } },
    data: { status: response.status, response: response.body == null ? Prisma.JsonNull : (response.body as Prisma.InputJsonValue) },
    select: { id: true },
  });
}

/** Frees a key whose request failed, so that the caller may retry it. */
export async function releaseIdempotencyKey(actor: string, key: string): Promise<void> {
  await db().idempotencyKey.deleteMany({ where: { actor, key, status: null } });
}
