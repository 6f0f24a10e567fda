import "server-only";
import { webhookIdSchema } from "../../schemas/webhooks";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";

/** Removes a webhook and its delivery log (the audit log keeps that it existed). */
export async function deleteWebhook({ ctx, input }: { ctx: Ctx; input: { id: number } }): Promise<{ id: number }> {
  requireRole(ctx, "manageSettings");
  const { id } = parseInput(webhookIdSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id }, select: { name: true, url: true, events: true, shelfId: true, team: true } });
    const { count } = await tx.webhook.deleteMany({ where: { id } });
    if (count === 0 || !before) throw new AppError("NOT_FOUND", `No webhook ${id}.`);
    await appendAudit(tx, ctx, { action: "webhook.deleted", subjectType: "webhook", subjectId: id, shelfId: before.shelfId, before });
    return { id };
  });
}
