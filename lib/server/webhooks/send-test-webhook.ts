import "server-only";
import { webhookIdSchema } from "../../schemas/webhooks";
import { actorLabel, requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { enqueueWebhookEvent } from "./enqueue-event";

/** Queues a test message to one webhook (active or not subscribed to anything in particular). */
export async function sendTestWebhook({ ctx, input }: { ctx: Ctx; input: { id: number } }): Promise<{ id: number; queued: number }> {
  requireRole(ctx, "manageSettings");
  const { id } = parseInput(webhookIdSchema, input);
  return db().$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id }, select: { name: true, active: true } });
    if (!hook) throw new AppError("NOT_FOUND", `No webhook ${id}.`);
    if (!hook.active) throw new AppError("CONFLICT", `Webhook "${hook.name}" is paused; resume it to send a test.`);
    const queued = await enqueueWebhookEvent(
      tx,
      {
        kind: "test",
        type: "test",
        shelfId: null,
        summary: `Test message for "${hook.name}", sent by ${actorLabel(ctx.actor)}. If you can read this, the webhook works.`,
        path: "/settings",
        occurredAt: ctx.now,
        data: { webhook: { id, name: hook.name } },
      },
      { webhookId: id },
    );
    return { id, queued };
  });
}
