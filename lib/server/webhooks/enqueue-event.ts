import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db";
import { buildPayload, type ShelfRef, type WebhookEvent } from "./payload";
import { publicBaseUrl } from "./public-url";

/** The channel the job runner listens on: a NOTIFY is delivered when the transaction commits. */
export const OUTBOX_CHANNEL = "shelfwatch_webhooks";

/**
 * Queues an event for every active webhook that wants it (its kind, its shelf or team), as delivery
 * rows written in the caller's transaction: they exist if and only if the change that caused them
 * commits (an outbox). The job runner is woken on commit and sends them. Returns how many were queued.
 */
export async function enqueueWebhookEvent(tx: Tx, event: WebhookEvent, options: { webhookId?: number } = {}): Promise<number> {
  const shelf: ShelfRef = event.shelfId === null ? null : await tx.shelf.findUnique({ where: { id: event.shelfId }, select: { slug: true, title: true, team: true } });
  const hooks = await tx.webhook.findMany({ where: audience(event, shelf, options.webhookId), select: { id: true } });
  if (hooks.length === 0) return 0;
  const payload = buildPayload(event, shelf, publicBaseUrl(), randomUUID()) as unknown as Prisma.InputJsonValue;
  // Delivery is scheduled on the wall clock, not on the (injectable) time of the event.
  const queuedAt = new Date();
  await tx.webhookDelivery.createMany({
    data: hooks.map((h) => ({ webhookId: h.id, event: event.kind, payload, status: "pending", nextAttemptAt: queuedAt, createdAt: queuedAt })),
  });
  // $executeRaw, not $queryRaw: pg_notify returns void, which a query result cannot carry.
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return hooks.length;
}

/** Which webhooks receive an event: active ones subscribed to its kind, unrestricted or restricted to its shelf or team. */
function audience(event: WebhookEvent, shelf: ShelfRef, webhookId: number | undefined): Prisma.WebhookWhereInput {
  // A test goes to the one webhook it was sent from, whatever it subscribes to.
  if (webhookId !== undefined) return { id: webhookId };
  const scope: Prisma.WebhookWhereInput[] = [{ shelfId: null, team: null }];
  if (event.shelfId !== null && shelf) {
    scope.push({ shelfId: event.shelfId });
    scope.push({ shelfId: null, team: shelf.team });
  }
  return { active: true, events: { has: event.kind }, OR: scope };
}
