import "server-only";
import { revokeTokenSchema } from "../../schemas/tokens";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";

/** Revokes a token; revoking twice is a conflict, not a silent success. */
export async function revokeToken({ ctx, input }: { ctx: Ctx; input: { id: number } }): Promise<{ id: number }> {
  requireRole(ctx, "manageSettings");
  const { id } = parseInput(revokeTokenSchema, input);
  return db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: ctx.now } });
    if (count === 0) {
      const exists = await tx.apiToken.findUnique({ where: { id }, select: { id: true } });
      throw exists ? new AppError("CONFLICT", `Token ${id} is already revoked.`) : new AppError("NOT_FOUND", `No token ${id}.`);
    }
    await appendAudit(tx, ctx, { action: "token.revoked", subjectType: "api_token", subjectId: id, after: { revokedAt: ctx.now.toISOString() } });
    return { id };
  });
}
