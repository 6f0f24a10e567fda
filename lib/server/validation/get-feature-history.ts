import "server-only";
import { lttb } from "../../charts/downsample";
import { featureHistorySchema, type ComparatorName, type FeatureHistoryInput, type ReportKind } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";

export type FeatureHistoryPointDto = {
  reportId: number;
  /** Time (ms, the serving day at midnight UTC) for skew and drift; the version number for training drift. */
  x: number;
  label: string;
  distance: number;
  threshold: number;
  severity: number;
  anomaly: boolean;
  /** Skew: the production version whose training data was compared. */
  version: number | null;
};

export type FeatureHistoryDto = {
  model: string;
  feature: string;
  kind: ReportKind;
  comparator: ComparatorName | null;
  /** The threshold of the newest report (edits recompute every report, so all carry the current one). */
  threshold: number | null;
  points: FeatureHistoryPointDto[];
  /** Moves of production within the window (skew and drift). */
  deployments: { at: number; toVersion: number; reason: string }[];
  /** The first report of the newest run of anomalies, if the newest report is anomalous. */
  anomalousSince: { reportId: number; label: string } | null;
  from: string | null;
  to: string | null;
};

// A chart never gets more points than it has pixels; anomalies always survive the downsampling.
const MAX_POINTS = 600;
const DAY_MS = 86_400_000;

/** One feature's distance over the last days (or versions), with its threshold and production's moves. */
export async function getFeatureHistory({ ctx, input }: { ctx: Ctx; input: FeatureHistoryInput }): Promise<FeatureHistoryDto> {
  requireRole(ctx, "read");
  const data = parseInput(featureHistorySchema, input);
  const model = await findModel(ctx, data.model, "read");
  const select = { reportId: true, day: true, comparator: true, distance: true, threshold: true, severity: true, anomaly: true, report: { select: { version: { select: { version: true } } } } } as const;
  const today = Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate());
  const from = new Date(today - data.days * DAY_MS);
  const rows =
    data.kind === "training_drift"
      ? (await db().validationFeatureResult.findMany({ where: { modelId: model.id, kind: data.kind, feature: data.feature }, orderBy: { report: { version: { version: "desc" } } }, take: data.days, select })).reverse()
      : await db().validationFeatureResult.findMany({ where: { modelId: model.id, kind: data.kind, feature: data.feature, day: { gte: from } }, orderBy: { day: "asc" }, select });
  const all = rows.map((r) => {
    const version = r.report.version?.version ?? null;
    const x = r.day ? r.day.getTime() : (version ?? 0);
    return { reportId: r.reportId, x, y: r.distance, label: r.day ? r.day.toISOString().slice(0, 10) : `v${version}`, distance: r.distance, threshold: r.threshold, severity: r.severity, anomaly: r.anomaly, version, comparator: r.comparator };
  });
  let since: FeatureHistoryDto["anomalousSince"] = null;
  for (let i = all.length - 1; i >= 0 && all[i].anomaly; i--) since = { reportId: all[i].reportId, label: all[i].label };
  const kept = all.length > MAX_POINTS ? lttb(all, MAX_POINTS, { keep: (p) => p.anomaly }) : all;
  const deployments =
    data.kind === "training_drift"
      ? []
      : await db().deployment.findMany({ where: { modelId: model.id, createdAt: { gte: from } }, orderBy: { createdAt: "asc" }, select: { createdAt: true, reason: true, toVersion: { select: { version: true } } } });
  const newest = all[all.length - 1];
  return {
    model: model.name,
    feature: data.feature,
    kind: data.kind,
    comparator: newest?.comparator ?? null,
    threshold: newest?.threshold ?? null,
    points: kept.map(({ y: _y, comparator: _c, ...p }) => p),
    deployments: deployments.map((d) => ({ at: d.createdAt.getTime(), toVersion: d.toVersion.version, reason: d.reason })),
    anomalousSince: since,
    from: data.kind === "training_drift" ? (all[0]?.label ?? null) : from.toISOString().slice(0, 10),
    to: data.kind === "training_drift" ? (newest?.label ?? null) : new Date(today).toISOString().slice(0, 10),
  };
}
