import "server-only";
import { generateToken } from "../../auth/token-format";
import { createTokenSchema, type CreateTokenInput } from "../../schemas/tokens";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";

export type CreatedTokenDto = { id: number; name: string; prefix: string; scopes: string[]; expiresAt: string | null; token: string };

/** Creates an API token; the clear token is in the result and nowhere else, ever. */
export async function createToken({ ctx, input }: { ctx: Ctx; input: CreateTokenInput }): Promise<CreatedTokenDto> {
  requireRole(ctx, "manageSettings");
  const data = parseInput(createTokenSchema, input);
  const { token, prefix, hash } = generateToken();
  const expiresAt = data.expiresInDays ? new Date(ctx.now.getTime() + data.expiresInDays * 86_400_000) : null;
  return db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: data.name,
        prefix,
        hash,
        scopes: data.scopes,
        expiresAt,
        createdById: ctx.actor.kind === "user" ? ctx.actor.id : null,
      },
      select: { id: true },
    });
    const after = { name: data.name, prefix, scopes: data.scopes, expiresAt: expiresAt?.toISOString() ?? null };
    await appendAudit(tx, ctx, { action: "token.created", subjectType: "api_token", subjectId: row.id, after });
    return { id: row.id, ...after, token };
  });
}
