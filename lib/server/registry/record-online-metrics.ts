import "server-only";
import { recordOnlineMetricsSchema, type RecordOnlineMetricsInput } from "../../schemas/registry";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findModel } from "../models/find-model";

export type RecordedOnlineMetricsDto = { model: string; rows: number; values: number; inserted: number; updated: number; unchanged: number; from: string; to: string };

const MAX_FIELD_ERRORS = 50;

/**
 * Stores daily online values per version (impressions, stream_rate, minutes_played or any named
 * metric), all or none. Every version must belong to the model; a value already stored for the same
 * version, day and metric is replaced. One audit row per batch.
 */
export async function recordOnlineMetrics({ ctx, input }: { ctx: Ctx; input: RecordOnlineMetricsInput }): Promise<RecordedOnlineMetricsDto> {
  requireRole(ctx, "ingest");
  const data = parseInput(recordOnlineMetricsSchema, input);
  const model = await findModel(ctx, data.model, "ingest");
  const numbers = [...new Set(data.rows.map((r) => r.version))];
  const found = await db().modelVersion.findMany({ where: { modelId: model.id, version: { in: numbers } }, select: { id: true, version: true } });
  const idOf = new Map(found.map((v) => [v.version, v.id]));
  const unknown = data.rows.flatMap((r, i) => (idOf.has(r.version) ? [] : [{ path: `rows.${i}.version`, message: `${model.name} has no version ${r.version}` }]));
  if (unknown.length) throw new AppError("INVALID_REQUEST", `Some rows name versions that ${model.name} does not have.`, unknown.slice(0, MAX_FIELD_ERRORS));

  const versionIds: number[] = [];
  const days: string[] = [];
  const metrics: string[] = [];
  const values: number[] = [];
  for (const r of data.rows) {
    for (const [metric, value] of Object.entries(r.values)) {
      versionIds.push(idOf.get(r.version)!);
      days.push(r.day);
      metrics.push(metric);
      values.push(value);
    }
  }
  const sortedDays = [...days].sort();
  const from = sortedDays[0]!;
  const to = sortedDays[sortedDays.length - 1]!;

  return db().$transaction(async (tx) => {
    const [counts] = await tx.$queryRaw<{ inserted: number; updated: number }[]>`
      WITH written AS (
        INSERT INTO "OnlineMetric" ("modelId", "versionId", "day", "metric", "value", "createdAt")
        SELECT ${model.id}::int, t.version_id, t.day, t.metric, t.value, ${ctx.now}::timestamptz AT TIME ZONE 'UTC'
        FROM unnest(${versionIds}::int[], ${days}::date[], ${metrics}::text[], ${values}::float8[]) AS t(version_id, day, metric, value)
        ON CONFLICT ("versionId", "day", "metric") DO UPDATE SET "value" = EXCLUDED."value", "createdAt" = EXCLUDED."createdAt"
        WHERE "OnlineMetric"."value" IS DISTINCT FROM EXCLUDED."value"
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM written`;
    const inserted = counts?.inserted ?? 0;
    const updated = counts?.updated ?? 0;
    if (inserted + updated > 0) {
      await appendAudit(tx, ctx, {
        action: "online_metrics.recorded",
        subjectType: "model",
        subjectId: model.id,
        shelfId: model.shelfId,
        after: { model: model.name, rows: data.rows.length, values: values.length, inserted, updated, from, to, versions: numbers.sort((a, b) => a - b).slice(0, 50), metrics: [...new Set(metrics)].sort().slice(0, 50) },
      });
    }
    return { model: model.name, rows: data.rows.length, values: values.length, inserted, updated, unchanged: values.length - inserted - updated, from, to };
  });
}
