import "server-only";
import type { Direction } from "../../registry/compare";
import { productionPeriods } from "../../registry/production-periods";
import { buildVersionSeries, downsampleVersionSeries, type VersionScores, type VersionSeriesPoint } from "../../registry/version-series";
import { Prisma } from "../../generated/prisma/client";
import { metricSeriesSchema, type MetricSeriesInput } from "../../schemas/registry";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { deploymentEvents, modelState } from "./registry-reads";
import { revisionCache, type ModelRevision } from "../models/revision-cache";

export type MetricSeriesDto = {
  metric: string | null;
  dataset: string;
  direction: Direction | null;
  /** The gate's absolute threshold when the metric is its primary metric on the main dataset. */
  threshold: number | null;
  points: VersionSeriesPoint[];
  /** How many versions have a score, before downsampling. */
  scored: number;
  /** False when there were too many production changes to draw each one. */
  changesKept: boolean;
  productionVersion: number | null;
};

/**
 * A metric by version, beside production's score at the time each version was trained, downsampled to
 * at most `maxPoints` while keeping every production change, the extremes and the current production.
 */
export async function getMetricSeries({ ctx, input }: { ctx: Ctx; input: MetricSeriesInput }): Promise<MetricSeriesDto> {
  requireRole(ctx, "read");
  const data = parseInput(metricSeriesSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const { policy, production, metrics } = await modelState(model);
  const metric = data.metric ?? policy?.primaryMetric ?? null;
  const productionVersion = production?.version ?? null;
  if (metric === null) return { metric, dataset: data.dataset, direction: null, threshold: null, points: [], scored: 0, changesKept: true, productionVersion };

  const isPrimary = policy?.primaryMetric === metric && data.dataset === "";
  const definition = metrics.find((m) => m.name === metric);
  const shown = await series(model, [metric, data.dataset, data.maxPoints], () => computeSeries(model, metric, data.dataset, data.maxPoints, productionVersion));
  return {
    metric,
    dataset: data.dataset,
    direction: definition?.direction ?? (isPrimary ? policy.direction : null),
    threshold: isPrimary ? policy.threshold : null,
    points: shown.points,
    scored: shown.scored,
    changesKept: shown.changesKept,
    productionVersion,
  };
}

// Charts of the same metric are drawn again and again between two writes: the downsampled series is
// kept while the model's revision stands.
const series = revisionCache<{ points: VersionSeriesPoint[]; changesKept: boolean; scored: number }>(200);

// The main dataset is read from its own index (the literal '' lets the planner use it); a slice through
// the primary key, version by version.
function scoresOf(modelId: number, metric: string, dataset: string): Prisma.Sql {
  return dataset === ""
    ? Prisma.sql`FROM "Evaluation" e JOIN "ModelVersion" v ON v.id = e."versionId" WHERE e."modelId" = ${modelId}::int AND e."metric" = ${metric} AND e."dataset" = ''`
    : Prisma.sql`FROM "ModelVersion" v JOIN "Evaluation" e ON e."versionId" = v.id AND e."metric" = ${metric} AND e."dataset" = ${dataset} WHERE v."modelId" = ${modelId}::int`;
}

async function computeSeries(model: ModelRevision, metric: string, dataset: string, maxPoints: number, productionVersion: number | null) {
  const modelId = model.id;
  // The whole series in one JSON value of three arrays: ten thousand scores cost one native JSON.parse
  // instead of ten thousand rows (or Postgres array literals) decoded value by value.
  const [[row], deployments] = await Promise.all([
    db().$queryRaw<{ series: string | null }[]>`
      SELECT json_build_object(
               'versions', json_agg(v."version" ORDER BY v."version"),
               'trainedAt', json_agg(floor(extract(epoch FROM v."trainedAt") * 1000) ORDER BY v."version"),
               'values', json_agg(e."value" ORDER BY v."version"))::text AS series
      ${scoresOf(modelId, metric, dataset)}`,
    deploymentEvents(model),
  ]);
  const parsed = row?.series ? (JSON.parse(row.series) as Partial<VersionScores>) : {};
  const full = buildVersionSeries({ versions: parsed.versions ?? [], trainedAt: parsed.trainedAt ?? [], values: parsed.values ?? [] }, productionPeriods(deployments));
  return { ...downsampleVersionSeries(full, maxPoints, [productionVersion]), scored: full.length };
}
