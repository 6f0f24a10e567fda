import "server-only";
import { isoDay } from "../../format";
import { buildOnlineSeries, dayOf, downsampleOnlineSeries, type OnlinePoint } from "../../registry/online-series";
import { productionPeriods } from "../../registry/production-periods";
import { onlineSeriesSchema, type OnlineSeriesInput } from "../../schemas/registry";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { revisionCache } from "../models/revision-cache";
import { deploymentEvents, distinctMetrics } from "./registry-reads";

export type OnlineSeriesDto = {
  metric: string | null;
  metrics: string[];
  from: string;
  to: string;
  points: readonly OnlinePoint[];
  /** Moves of the production alias inside the window, for markers. */
  deployments: { at: number; toVersion: number; fromVersion: number | null; reason: string }[];
  days: number;
};

const DAY = 86_400_000;
// The metric a shelf is judged by online comes first when the caller does not choose.
const PREFERRED = ["stream_rate", "minutes_played", "impressions"];

// A window of one metric, as read and attributed to versions, kept while the model's revision stands.
const onlinePoints = revisionCache<ReturnType<typeof buildOnlineSeries>>(200);
// The deployments inside a window, the same array for every render while the revision stands (so the
// page packs them once).
const windowMarkers = revisionCache<OnlineSeriesDto["deployments"]>(200);

/** One online metric of a model per day over the last `days` days, with the deployments in that window. */
export async function getOnlineSeries({ ctx, input }: { ctx: Ctx; input: OnlineSeriesInput }): Promise<OnlineSeriesDto> {
  requireRole(ctx, "read");
  const data = parseInput(onlineSeriesSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const to = dayOf(ctx.now.getTime());
  const from = to - (data.days - 1) * DAY;
  const [{ online: metrics }, deployments] = await Promise.all([distinctMetrics(model), deploymentEvents(model)]);
  const metric = data.metric ?? PREFERRED.find((m) => metrics.includes(m)) ?? metrics[0] ?? null;
  const window = { metric, metrics, from: isoDay(new Date(from)), to: isoDay(new Date(to)), days: data.days };
  const markers = await windowMarkers(model, [from, to], async () =>
    deployments.filter((d) => d.at >= from && d.at < to + DAY).map(({ at, toVersion, fromVersion, reason }) => ({ at, toVersion, fromVersion, reason })),
  );
  if (metric === null) return { ...window, points: [], deployments: markers };

  const points = await onlinePoints(model, [metric, window.from, window.to], async () => {
    const [row] = await db().$queryRaw<{ series: string | null }[]>`
      SELECT json_agg(json_build_array(floor(extract(epoch FROM o."day") * 1000), v."version", o."value") ORDER BY o."day", v."version")::text AS series
      FROM "OnlineMetric" o JOIN "ModelVersion" v ON v.id = o."versionId"
      WHERE o."modelId" = ${model.id}::int AND o."metric" = ${metric} AND o."day" BETWEEN ${window.from}::date AND ${window.to}::date`;
    const rows = (row?.series ? (JSON.parse(row.series) as [number, number, number][]) : []).map(([day, version, value]) => ({ day, version, value }));
    return buildOnlineSeries(rows, productionPeriods(deployments));
  });
  return { ...window, points: downsampleOnlineSeries(points, data.maxPoints, markers.map((d) => d.at)), deployments: markers };
}
