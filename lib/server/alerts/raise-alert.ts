import "server-only";
import { raiseAlertSchema, type AlertKind, type RaiseAlertInput } from "../../schemas/alerts";
import { appendAudit } from "../audit";
import type { Ctx } from "../context";
import type { Tx } from "../db";
import { parseInput } from "../errors";
import { enqueueWebhookEvent } from "../webhooks/enqueue-event";
import { alertEvidencePath } from "./alert-links";

export type RaisedAlert = { id: number; created: boolean; count: number; status: "open" | "acknowledged" | "resolved" };

export function openKeyOf(kind: AlertKind, subject: string): string {
  return `${kind}:${subject}`;
}

type Row = { id: number; count: number; status: RaisedAlert["status"]; inserted: boolean };

/**
 * Raises an alert inside the caller's transaction, deduplicated: while an alert of this kind and subject
 * is open or acknowledged, a new sighting only bumps its count and last-seen time (a repeated
 * `occurrence` bumps neither count nor title). A new alert is audited and posted to matching webhooks
 * (the delivery rows commit with the caller's change; the job runner sends them).
 */
export async function raiseAlert(tx: Tx, ctx: Ctx, input: RaiseAlertInput): Promise<RaisedAlert> {
  const data = parseInput(raiseAlertSchema, input);
  const place = await placeOf(tx, data.modelId ?? null, data.shelfId ?? null);
  const openKey = openKeyOf(data.kind, data.subject);
  const details = JSON.stringify(data.occurrence ? { ...data.details, occurrence: data.occurrence } : data.details);
  const at = ctx.now.toISOString();
  // One statement, so that concurrent sightings never create two live alerts nor fail the caller's
  // transaction on the unique openKey. xmax = 0 tells an inserted row from an updated one.
  const rows = await tx.$queryRaw<Row[]>`
    INSERT INTO "Alert" ("kind", "subject", "openKey", "shelfId", "modelId", "status", "title", "details", "count", "firstSeenAt", "lastSeenAt")
    VALUES (${data.kind}::"AlertKind", ${data.subject}, ${openKey}, ${place.shelfId}, ${place.modelId}, 'open', ${data.title},
            ${details}::jsonb, 1, ${at}::timestamptz AT TIME ZONE 'UTC', ${at}::timestamptz AT TIME ZONE 'UTC')
    ON CONFLICT ("openKey") DO UPDATE SET
      "count" = "Alert"."count" + CASE WHEN ${data.occurrence ?? null}::text IS NOT NULL AND "Alert"."details"->>'occurrence' = ${data.occurrence ?? null}::text THEN 0 ELSE 1 END,
      "lastSeenAt" = GREATEST("Alert"."lastSeenAt", EXCLUDED."lastSeenAt"),
      "title" = EXCLUDED."title",
      "details" = EXCLUDED."details"
    RETURNING "id", "count", "status"::text AS "status", (xmax::text = '0') AS "inserted"`;
  const row = rows[0];
  if (row.inserted) {
    const after = { kind: data.kind, subject: data.subject, title: data.title, shelfId: place.shelfId, modelId: place.modelId };
    await appendAudit(tx, ctx, { action: "alert.raised", subjectType: "alert", subjectId: row.id, shelfId: place.shelfId, after });
    await enqueueWebhookEvent(tx, {
      kind: data.kind,
      type: "alert.raised",
      shelfId: place.shelfId,
      summary: data.title,
      path: alertEvidencePath({ kind: data.kind, shelfSlug: place.shelfSlug, details: data.details }),
      occurredAt: ctx.now,
      data: { alert: { id: row.id, kind: data.kind, subject: data.subject, title: data.title, status: "open", details: data.details }, model: place.modelName },
    });
  }
  return { id: row.id, created: row.inserted, count: row.count, status: row.status };
}

type Place = { shelfId: number | null; modelId: number | null; shelfSlug: string | null; modelName: string | null };

/** The shelf of a model (alerts are filtered and routed by shelf). */
async function placeOf(tx: Tx, modelId: number | null, shelfId: number | null): Promise<Place> {
  if (modelId !== null) {
    const model = await tx.model.findUnique({ where: { id: modelId }, select: { name: true, shelf: { select: { id: true, slug: true } } } });
    if (model) return { shelfId: model.shelf.id, modelId, shelfSlug: model.shelf.slug, modelName: model.name };
  }
  if (shelfId !== null) {
    const shelf = await tx.shelf.findUnique({ where: { id: shelfId }, select: { slug: true, model: { select: { id: true, name: true } } } });
    if (shelf) return { shelfId, modelId: shelf.model?.id ?? null, shelfSlug: shelf.slug, modelName: shelf.model?.name ?? null };
  }
  return { shelfId: null, modelId: null, shelfSlug: null, modelName: null };
}
