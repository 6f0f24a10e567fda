import "server-only";
import type { Ctx } from "../context";
import type { Tx } from "../db";
import { enqueueWebhookEvent } from "./enqueue-event";

const REASON: Record<string, string> = { initial: "first deployment", promotion: "promotion", automatic_push: "automatic push (every gate check passed)", rollback: "rollback" };

/**
 * Queues the "production changed" message for a deployment, inside the transaction that moved the
 * alias (call it there); the scheduler also finds deployments nobody announced. Returns deliveries queued.
 */
export async function notifyDeployment(tx: Tx, ctx: Ctx, input: { deploymentId: number }): Promise<number> {
  const d = await tx.deployment.findUnique({
    where: { id: input.deploymentId },
    select: {
      id: true,
      reason: true,
      actor: true,
      comment: true,
      createdAt: true,
      requestId: true,
      fromVersion: { select: { version: true } },
      toVersion: { select: { version: true } },
      model: { select: { name: true, shelfId: true, shelf: { select: { slug: true } } } },
    },
  });
  if (!d) return 0;
  const from = d.fromVersion ? ` (was v${d.fromVersion.version})` : "";
  const summary = `${d.model.name} v${d.toVersion.version} is now in production${from}: ${REASON[d.reason] ?? d.reason} by ${d.actor}${d.comment ? `: “${d.comment}”` : ""}`;
  return enqueueWebhookEvent(tx, {
    kind: "deployment",
    type: "deployment",
    shelfId: d.model.shelfId,
    summary,
    path: `/shelves/${encodeURIComponent(d.model.shelf.slug)}/versions/${d.toVersion.version}`,
    occurredAt: ctx.now,
    data: {
      model: d.model.name,
      deployment: {
        id: d.id,
        fromVersion: d.fromVersion?.version ?? null,
        toVersion: d.toVersion.version,
        reason: d.reason,
        actor: d.actor,
        comment: d.comment,
        promotionRequestId: d.requestId,
        at: d.createdAt.toISOString(),
      },
    },
  });
}
