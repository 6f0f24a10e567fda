import "server-only";
import type { MovedMost, SchemaAnomaly } from "../../drift/compare";
import { getReportSchema, type ComparatorName, type GetReportInput } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { REPORT_SUMMARY_SELECT, toReportSummary, type ReportSummaryDto } from "./report-dto";
import type { NotComparable } from "./report-rows";

export type ReportFeatureDto = {
  feature: string;
  type: "numeric" | "categorical";
  comparator: ComparatorName;
  distance: number;
  threshold: number;
  /** distance / threshold: above 1 is an anomaly. */
  severity: number;
  anomaly: boolean;
  movedMost: MovedMost | null;
};

export type ReportNeighbourDto = { id: number; label: string } | null;

export type ReportDetailDto = ReportSummaryDto & {
  shelf: { slug: string; title: string };
  /** Most severe first. */
  features: ReportFeatureDto[];
  schemaAnomalies: SchemaAnomaly[];
  notComparable: NotComparable[];
  previous: ReportNeighbourDto;
  next: ReportNeighbourDto;
};

const asArray = <T>(json: unknown): T[] => (Array.isArray(json) ? (json as T[]) : []);

/** One report with every compared feature (most severe first), its schema anomalies, and the reports of the days around it. */
export async function getReport({ ctx, input }: { ctx: Ctx; input: GetReportInput }): Promise<ReportDetailDto> {
  requireRole(ctx, "read");
  const data = parseInput(getReportSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const row = await db().validationReport.findFirst({ where: { id: data.report, modelId: model.id }, select: REPORT_SUMMARY_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `${model.name} has no report ${data.report}.`);
  const [features, previous, next] = await Promise.all([
    db().validationFeatureResult.findMany({
      where: { reportId: row.id },
      orderBy: [{ severity: "desc" }, { feature: "asc" }],
      select: { feature: true, featureType: true, comparator: true, distance: true, threshold: true, severity: true, anomaly: true, movedMostDetail: true },
    }),
    neighbour(model.id, row, "before"),
    neighbour(model.id, row, "after"),
  ]);
  return {
    ...toReportSummary(row),
    shelf: { slug: model.shelfSlug, title: model.shelfTitle },
    features: features.map((f) => ({
      feature: f.feature,
      type: f.featureType,
      comparator: f.comparator,
      distance: f.distance,
      threshold: f.threshold,
      severity: f.severity,
      anomaly: f.anomaly,
      movedMost: (f.movedMostDetail as MovedMost | null) ?? null,
    })),
    schemaAnomalies: asArray<SchemaAnomaly>(row.schemaAnomalies),
    notComparable: asArray<NotComparable>(row.notComparable),
    previous,
    next,
  };
}

type Anchor = { id: number; kind: "skew" | "drift" | "training_drift"; day: Date | null; version: { version: number } | null };

// The report of the same kind on the day (or version) just before or after this one.
async function neighbour(modelId: number, r: Anchor, side: "before" | "after"): Promise<ReportNeighbourDto> {
  const dir = side === "before" ? "desc" : "asc";
  if (r.day) {
    const found = await db().validationReport.findFirst({
      where: { modelId, kind: r.kind, day: side === "before" ? { lt: r.day } : { gt: r.day } },
      orderBy: [{ day: dir }, { id: dir }],
      select: { id: true, day: true },
    });
    return found?.day ? { id: found.id, label: found.day.toISOString().slice(0, 10) } : null;
  }
  if (!r.version) return null;
  const found = await db().validationReport.findFirst({
    where: { modelId, kind: r.kind, version: { version: side === "before" ? { lt: r.version.version } : { gt: r.version.version } } },
    orderBy: [{ version: { version: dir } }, { id: dir }],
    select: { id: true, version: { select: { version: true } } },
  });
  return found?.version ? { id: found.id, label: `v${found.version.version}` } : null;
}
