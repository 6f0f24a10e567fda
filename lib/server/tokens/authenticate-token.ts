import "server-only";
import { TOKEN_SCOPES, type TokenScope } from "../../auth/permissions";
import { hashToken } from "../../auth/token-format";
import type { Ctx } from "../context";
import { db } from "../db";
import { AppError } from "../errors";

// lastUsedAt is for people ("is this token still in use?"); a write per request would be waste.
const LAST_USED_GRANULARITY_MS = 60_000;

/** Resolves a bearer token to a context; unknown, revoked and expired tokens are UNAUTHENTICATED. */
export async function authenticateToken({ token, now }: { token: string; now: Date }): Promise<Ctx> {
  const row = await db().apiToken.findUnique({
    where: { hash: hashToken(token) },
    select: { id: true, name: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!row) throw new AppError("UNAUTHENTICATED", "Unknown API token.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", "This API token was revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("UNAUTHENTICATED", "This API token has expired.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  const scopes = row.scopes.filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s));
  return { actor: { kind: "token", id: row.id, name: row.name, scopes }, now };
}
