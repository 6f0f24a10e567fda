import "server-only";
import type { MovedMost } from "../../drift/compare";
import { featureHistogram } from "../../drift/inputs";
import type { CategoricalFeatureProfile, FeatureProfile, NumericFeatureProfile } from "../../drift/profile";
import { getReportFeatureSchema, type ComparatorName, type GetReportFeatureInput } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { numericSummary, overlayHistograms, overlayValues, type CategoricalOverlay, type NumericOverlay, type NumericSummary } from "./feature-overlay";

export type ReportFeatureDetailDto = {
  reportId: number;
  feature: string;
  baselineType: "numeric" | "categorical" | null;
  targetType: "numeric" | "categorical" | null;
  /** The stored comparison, or null when the feature was not compared (missing on a side, type changed, no measurement). */
  result: { comparator: ComparatorName; distance: number; threshold: number; severity: number; anomaly: boolean; movedMost: MovedMost | null } | null;
  numeric: { baseline: NumericSummary | null; target: NumericSummary | null; overlay: NumericOverlay } | null;
  categorical: (CategoricalOverlay & { baseline: { count: number; missing: number } | null; target: { count: number; missing: number } | null }) | null;
};

/** One feature of a report as the page draws it: both sides' histograms overlaid, or their top values side by side. */
export async function getReportFeature({ ctx, input }: { ctx: Ctx; input: GetReportFeatureInput }): Promise<ReportFeatureDetailDto> {
  requireRole(ctx, "read");
  const data = parseInput(getReportFeatureSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const report = await db().validationReport.findFirst({ where: { id: data.report, modelId: model.id }, select: { id: true, baselineId: true, targetId: true } });
  if (!report) throw new AppError("NOT_FOUND", `${model.name} has no report ${data.report}.`);
  const [rows, result] = await Promise.all([
    // Sketch state is not drawn: leave it in the database.
    db().$queryRaw<{ statisticsId: number; stats: FeatureProfile }[]>`
      SELECT "statisticsId", stats - 'sketch' - 'distinctSketch' AS stats FROM "FeatureProfile"
      WHERE "statisticsId" IN (${report.baselineId}::int, ${report.targetId}::int) AND name = ${data.feature}`,
    db().validationFeatureResult.findUnique({
      where: { reportId_feature: { reportId: report.id, feature: data.feature } },
      select: { comparator: true, distance: true, threshold: true, severity: true, anomaly: true, movedMostDetail: true },
    }),
  ]);
  const a = rows.find((r) => r.statisticsId === report.baselineId)?.stats ?? null;
  const b = rows.find((r) => r.statisticsId === report.targetId)?.stats ?? null;
  if (!a && !b) throw new AppError("NOT_FOUND", `Neither side of report ${report.id} has a feature "${data.feature}".`);
  const numeric = (f: FeatureProfile | null) => (f?.type === "numeric" ? (f as NumericFeatureProfile) : null);
  const categorical = (f: FeatureProfile | null) => (f?.type === "categorical" ? (f as CategoricalFeatureProfile) : null);
  const na = numeric(a);
  const nb = numeric(b);
  const ca = categorical(a);
  const cb = categorical(b);
  const counts = (f: CategoricalFeatureProfile | null) => (f ? { count: f.count, missing: f.missing } : null);
  return {
    reportId: report.id,
    feature: data.feature,
    baselineType: a?.type ?? null,
    targetType: b?.type ?? null,
    result: result
      ? { comparator: result.comparator, distance: result.distance, threshold: result.threshold, severity: result.severity, anomaly: result.anomaly, movedMost: (result.movedMostDetail as MovedMost | null) ?? null }
      : null,
    numeric:
      na || nb
        ? {
            baseline: na ? numericSummary(na) : null,
            target: nb ? numericSummary(nb) : null,
            overlay: overlayHistograms(na ? featureHistogram(na, "STANDARD") : undefined, nb ? featureHistogram(nb, "STANDARD") : undefined),
          }
        : null,
    categorical: ca || cb ? { ...overlayValues(ca, cb), baseline: counts(ca), target: counts(cb) } : null,
  };
}
