import "server-only";
import { isoDay } from "../../format";
import { listOnlineMetricsSchema, MAX_ONLINE_RANGE_DAYS, type ListOnlineMetricsInput } from "../../schemas/registry";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findModel, findVersionId } from "../models/find-model";

export type OnlineMetricDto = { day: string; version: number; metric: string; value: number };

const DAY = 86_400_000;
const DEFAULT_DAYS = 90;

/** Daily online values of a model between two days (inclusive; the last 90 days by default). */
export async function listOnlineMetrics({ ctx, input }: { ctx: Ctx; input: ListOnlineMetricsInput }): Promise<{ model: string; from: string; to: string; rows: OnlineMetricDto[] }> {
  requireRole(ctx, "read");
  const data = parseInput(listOnlineMetricsSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const to = data.to ?? isoDay(ctx.now);
  const from = data.from ?? isoDay(new Date(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY));
  if ((Date.parse(to) - Date.parse(from)) / DAY + 1 > MAX_ONLINE_RANGE_DAYS) {
    throw new AppError("INVALID_REQUEST", `Ask for at most ${MAX_ONLINE_RANGE_DAYS} days at a time.`, [{ path: "from", message: `more than ${MAX_ONLINE_RANGE_DAYS} days before to` }]);
  }
  const versionId = data.version !== undefined ? await findVersionId(db(), model, data.version) : null;
  const rows = await db().onlineMetric.findMany({
    where: {
      modelId: model.id,
      day: { gte: new Date(from), lte: new Date(to) },
      ...(data.metric !== undefined ? { metric: data.metric } : {}),
      ...(versionId !== null ? { versionId } : {}),
    },
    orderBy: [{ day: "asc" }, { metric: "asc" }, { versionId: "asc" }],
    select: { day: true, metric: true, value: true, version: { select: { version: true } } },
  });
  return { model: model.name, from, to, rows: rows.map((r) => ({ day: isoDay(r.day), version: r.version.version, metric: r.metric, value: r.value })) };
}
