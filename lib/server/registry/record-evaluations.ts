import "server-only";
import { recordEvaluationsSchema, type RecordEvaluationsInput } from "../../schemas/registry";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel, findVersionId } from "../models/find-model";

export type RecordedEvaluationsDto = { model: string; version: number; received: number; inserted: number; updated: number; unchanged: number };

const AUDIT_LIST_LIMIT = 50;

/**
 * Stores a batch of scores of one version (up to 10,000) in one statement: all of them or none.
 * A score already stored for the same metric and dataset is replaced; resending identical scores
 * changes nothing and writes no audit row. One audit row per batch, never one per score.
 */
export async function recordEvaluations({ ctx, input }: { ctx: Ctx; input: RecordEvaluationsInput }): Promise<RecordedEvaluationsDto> {
  requireRole(ctx, "ingest");
  const data = parseInput(recordEvaluationsSchema, input);
  const model = await findModel(ctx, data.model, "ingest");
  const versionId = await findVersionId(db(), model, data.version);
  const metrics = data.evaluations.map((e) => e.metric);
  const datasets = data.evaluations.map((e) => e.dataset);
  // The batch travels as one JSON text that PostgreSQL reads into rows natively, rather than as arrays
  // the driver escapes element by element.
  const rows = JSON.stringify(data.evaluations.map((e) => [e.metric, e.value, e.dataset]));

  return db().$transaction(async (tx) => {
    // One round trip and one statement for the batch. The WHERE on the update skips identical scores,
    // so a replay reports them as unchanged.
    const [counts] = await tx.$queryRaw<{ inserted: number; updated: number }[]>`
      WITH written AS (
        INSERT INTO "Evaluation" ("modelId", "versionId", "metric", "value", "dataset", "createdAt")
        SELECT ${model.id}::int, ${versionId}::int, t->>0, (t->>1)::float8, t->>2, ${ctx.now}::timestamptz AT TIME ZONE 'UTC'
        FROM json_array_elements(${rows}::json) AS t
        ON CONFLICT ("versionId", "metric", "dataset") DO UPDATE SET "value" = EXCLUDED."value", "createdAt" = EXCLUDED."createdAt"
        WHERE "Evaluation"."value" IS DISTINCT FROM EXCLUDED."value"
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM written`;
    const inserted = counts?.inserted ?? 0;
    const updated = counts?.updated ?? 0;
    if (inserted + updated > 0) {
      await appendAudit(tx, ctx, {
        action: "evaluations.recorded",
        subjectType: "model_version",
        subjectId: versionId,
        shelfId: model.shelfId,
        after: {
          model: model.name,
          version: data.version,
          received: metrics.length,
          inserted,
          updated,
          metrics: [...new Set(metrics)].sort().slice(0, AUDIT_LIST_LIMIT),
          datasets: [...new Set(datasets)].sort().slice(0, AUDIT_LIST_LIMIT),
        },
      });
    }
    return { model: model.name, version: data.version, received: metrics.length, inserted, updated, unchanged: metrics.length - inserted - updated };
  });
}
