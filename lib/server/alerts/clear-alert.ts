import "server-only";
import { clearAlertSchema, type ClearAlertInput } from "../../schemas/alerts";
import { appendAudit } from "../audit";
import { actorLabel, type Ctx } from "../context";
import type { Tx } from "../db";
import { parseInput } from "../errors";
import { enqueueWebhookEvent } from "../webhooks/enqueue-event";
import { alertEvidencePath } from "./alert-links";
import { openKeyOf } from "./raise-alert";

/**
 * Resolves the live alert of one kind and subject because its condition cleared (a version arrived, a
 * clean report came in), inside the caller's transaction. Returns the resolved alert's id, or null when
 * nothing was live: clearing is idempotent.
 */
export async function clearAlert(tx: Tx, ctx: Ctx, input: ClearAlertInput): Promise<number | null> {
  const data = parseInput(clearAlertSchema, input);
  const openKey = openKeyOf(data.kind, data.subject);
  const live = await tx.alert.findUnique({
    where: { openKey },
    select: { id: true, status: true, title: true, shelfId: true, details: true, shelf: { select: { slug: true } }, model: { select: { name: true } } },
  });
  if (!live) return null;
  const { count } = await tx.alert.updateMany({
    where: { id: live.id, openKey },
    data: { status: "resolved", openKey: null, resolvedAt: ctx.now, resolvedBy: actorLabel(ctx.actor) },
  });
  if (count === 0) return null;
  await appendAudit(tx, ctx, {
    action: "alert.resolved",
    subjectType: "alert",
    subjectId: live.id,
    shelfId: live.shelfId,
    before: { status: live.status },
    after: { status: "resolved", reason: data.reason },
  });
  const details = (live.details ?? {}) as Record<string, unknown>;
  await enqueueWebhookEvent(tx, {
    kind: "alert_resolved",
    type: "alert.resolved",
    shelfId: live.shelfId,
    summary: `Resolved: ${live.title}${data.reason ? ` (${data.reason})` : ""}`,
    path: alertEvidencePath({ kind: data.kind, shelfSlug: live.shelf?.slug ?? null, details }),
    occurredAt: ctx.now,
    data: { alert: { id: live.id, kind: data.kind, subject: data.subject, title: live.title, status: "resolved", reason: data.reason }, model: live.model?.name ?? null },
  });
  return live.id;
}
