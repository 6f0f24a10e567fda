import "server-only";
import type { Direction } from "../../registry/compare";
import type { DeploymentEvent } from "../../registry/production-periods";
import { db } from "../db";
import { revisionCache, type ModelRevision } from "../models/revision-cache";

// Reads shared by the registry's use cases, kept while the model's revision stands (so once per write,
// not once per page) and made in as few round trips as possible: on a busy server every query costs a
// wake-up of the database, whatever it reads. Not use cases: callers authorize first.

export type ModelState = {
  policy: { primaryMetric: string; direction: Direction; threshold: number | null; maxRegression: number | null } | null;
  /** Declared metrics in declaration order. */
  metrics: { name: string; direction: Direction }[];
  production: { id: number; version: number } | null;
  newest: { id: number; version: number; trainedAt: Date } | null;
  pending: { id: number; version: number; trainedAt: Date } | null;
  versionCount: number;
};

type StateRow = {
  primaryMetric: string | null;
  direction: Direction | null;
  absoluteThreshold: number | null;
  maxRegression: number | null;
  metrics: string | null;
  productionId: number | null;
  production: number | null;
  newestId: number | null;
  newest: number | null;
  newestTrainedAt: Date | null;
  pendingId: number | null;
  pending: number | null;
  pendingTrainedAt: Date | null;
  versionCount: number;
};

const states = revisionCache<ModelState>(100);

/** Gate policy, declared metrics, production, newest version, pending promotion, counts: one round trip. */
export function modelState(model: ModelRevision): Promise<ModelState> {
  return states(model, ["state"], () => readModelState(model.id));
}

async function readModelState(modelId: number): Promise<ModelState> {
  const [r] = await db().$queryRaw<StateRow[]>`
    SELECT g."primaryMetric", g."direction"::text AS direction, g."absoluteThreshold", g."maxRegression",
      (SELECT json_agg(json_build_array(d."name", d."direction") ORDER BY d.id)::text FROM "MetricDefinition" d WHERE d."modelId" = m.id) AS metrics,
      pv.id AS "productionId", pv."version" AS production,
      nv.id AS "newestId", nv."version" AS newest, nv."trainedAt" AS "newestTrainedAt",
      qv.id AS "pendingId", qv."version" AS pending, qv."trainedAt" AS "pendingTrainedAt",
      (SELECT count(*)::int FROM "ModelVersion" c WHERE c."modelId" = m.id) AS "versionCount"
    FROM "Model" m
    LEFT JOIN "GatePolicy" g ON g."modelId" = m.id
    LEFT JOIN "ModelAlias" a ON a."modelId" = m.id AND a."alias" = 'production'
    LEFT JOIN "ModelVersion" pv ON pv.id = a."versionId"
    LEFT JOIN LATERAL (SELECT id, "version", "trainedAt" FROM "ModelVersion" WHERE "modelId" = m.id ORDER BY "version" DESC LIMIT 1) nv ON true
    LEFT JOIN "PromotionRequest" q ON q."pendingKey" = m.id
    LEFT JOIN "ModelVersion" qv ON qv.id = q."versionId"
    WHERE m.id = ${modelId}::int`;
  if (!r) return { policy: null, metrics: [], production: null, newest: null, pending: null, versionCount: 0 };
  return {
    policy: r.primaryMetric && r.direction ? { primaryMetric: r.primaryMetric, direction: r.direction, threshold: r.absoluteThreshold, maxRegression: r.maxRegression } : null,
    metrics: r.metrics ? (JSON.parse(r.metrics) as [string, Direction][]).map(([name, direction]) => ({ name, direction })) : [],
    production: r.productionId !== null && r.production !== null ? { id: r.productionId, version: r.production } : null,
    newest: r.newestId !== null && r.newest !== null && r.newestTrainedAt ? { id: r.newestId, version: r.newest, trainedAt: r.newestTrainedAt } : null,
    pending: r.pendingId !== null && r.pending !== null && r.pendingTrainedAt ? { id: r.pendingId, version: r.pending, trainedAt: r.pendingTrainedAt } : null,
    versionCount: r.versionCount,
  };
}

/** One move of the production alias, as the deployment log holds it. */
export type DeploymentLogEntry = DeploymentEvent & { id: number; actor: string; comment: string; requestId: number | null };

const deploymentLogs = revisionCache<DeploymentLogEntry[]>(50);

/** The model's deployment log, oldest first, with version numbers. */
export function deploymentEvents(model: ModelRevision): Promise<DeploymentLogEntry[]> {
  const modelId = model.id;
  return deploymentLogs(model, ["deployments"], async () => {
    // One JSON value rather than thousands of rows decoded value by value.
    const [row] = await db().$queryRaw<{ events: string | null }[]>`
      SELECT json_agg(json_build_array(floor(extract(epoch FROM d."createdAt") * 1000), t."version", f."version", d."reason", d."actor", d.id, d."comment", d."requestId") ORDER BY d."createdAt", d.id)::text AS events
      FROM "Deployment" d JOIN "ModelVersion" t ON t.id = d."toVersionId" LEFT JOIN "ModelVersion" f ON f.id = d."fromVersionId"
      WHERE d."modelId" = ${modelId}::int`;
    const rows = row?.events ? (JSON.parse(row.events) as [number, number, number | null, string, string, number, string, number | null][]) : [];
    return rows.map(([at, toVersion, fromVersion, reason, actor, id, comment, requestId]) => ({ at, toVersion, fromVersion, reason, actor, id, comment, requestId }));
  });
}

/**
 * Distinct metric names of a model's scores on the main dataset and of its online metrics, by walking the
 * (modelId, metric, …) indexes one name at a time (a loose index scan): a million scores cost one probe
 * per distinct name.
 */
const observedMetrics = revisionCache<{ offline: string[]; online: string[] }>(100);

export function distinctMetrics(model: ModelRevision): Promise<{ offline: string[]; online: string[] }> {
  return observedMetrics(model, ["metrics"], () => readDistinctMetrics(model.id));
}

async function readDistinctMetrics(modelId: number): Promise<{ offline: string[]; online: string[] }> {
  const rows = await db().$queryRaw<{ kind: string; metric: string }[]>`
    WITH RECURSIVE e(metric) AS (
      (SELECT "metric" FROM "Evaluation" WHERE "modelId" = ${modelId}::int AND "dataset" = '' ORDER BY "metric" LIMIT 1)
      UNION ALL
      SELECT (SELECT x."metric" FROM "Evaluation" x WHERE x."modelId" = ${modelId}::int AND x."dataset" = '' AND x."metric" > e.metric ORDER BY x."metric" LIMIT 1)
      FROM e WHERE e.metric IS NOT NULL
    ), o(metric) AS (
      (SELECT "metric" FROM "OnlineMetric" WHERE "modelId" = ${modelId}::int ORDER BY "metric" LIMIT 1)
      UNION ALL
      SELECT (SELECT x."metric" FROM "OnlineMetric" x WHERE x."modelId" = ${modelId}::int AND x."metric" > o.metric ORDER BY x."metric" LIMIT 1)
      FROM o WHERE o.metric IS NOT NULL
    )
    SELECT 'offline' AS kind, metric FROM e WHERE metric IS NOT NULL
    UNION ALL
    SELECT 'online' AS kind, metric FROM o WHERE metric IS NOT NULL`;
  return { offline: rows.filter((r) => r.kind === "offline").map((r) => r.metric), online: rows.filter((r) => r.kind === "online").map((r) => r.metric) };
}
