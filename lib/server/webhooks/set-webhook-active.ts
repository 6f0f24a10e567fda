import "server-only";
import { setWebhookActiveSchema } from "../../schemas/webhooks";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";

/** Pauses or resumes a webhook; pausing cancels what it has not delivered yet at the next attempt. */
export async function setWebhookActive({ ctx, input }: { ctx: Ctx; input: { id: number; active: boolean } }): Promise<{ id: number; active: boolean }> {
  requireRole(ctx, "manageSettings");
  const { id, active } = parseInput(setWebhookActiveSchema, input);
  return db().$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({ where: { id, active: !active }, data: { active } });
    if (count === 0) {
      const exists = await tx.webhook.findUnique({ where: { id }, select: { id: true } });
      throw exists ? new AppError("CONFLICT", `Webhook ${id} is already ${active ? "active" : "paused"}.`) : new AppError("NOT_FOUND", `No webhook ${id}.`);
    }
    const row = await tx.webhook.findUniqueOrThrow({ where: { id }, select: { shelfId: true } });
    await appendAudit(tx, ctx, { action: active ? "webhook.resumed" : "webhook.paused", subjectType: "webhook", subjectId: id, shelfId: row.shelfId, before: { active: !active }, after: { active } });
    return { id, active };
  });
}
