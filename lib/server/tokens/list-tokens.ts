import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

export type TokenDto = {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  createdBy: string | null;
};

/** Every token, newest first, without any secret (only the hash is stored anyway). */
export async function listTokens({ ctx }: { ctx: Ctx }): Promise<TokenDto[]> {
  requireRole(ctx, "manageSettings");
  const rows = await db().apiToken.findMany({
    orderBy: { id: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true, createdBy: { select: { email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    createdBy: r.createdBy?.email ?? null,
  }));
}
