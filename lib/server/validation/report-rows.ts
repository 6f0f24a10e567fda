import "server-only";
import { describeMovedMost, type FeatureComparison, type MovedMost, type ProfileComparison } from "../../drift/compare";
import type { ComparatorName } from "../../schemas/validation";

// Turning a comparison of two profiles into what a report stores (pure): one row per compared feature
// with its severity (distance / threshold), the features that could not be compared, and the report's
// totals. Kept apart from the database code so that the rules are unit-tested.

/** Severity stored for a distance above a threshold of 0 (any difference is an anomaly there). */
export const SEVERITY_CAP = 1000;

export type FeatureRow = {
  feature: string;
  featureType: "numeric" | "categorical";
  comparator: ComparatorName;
  distance: number;
  threshold: number;
  anomaly: boolean;
  severity: number;
  movedMost: string | null;
  movedMostDetail: MovedMost | null;
};

export type NotComparable = { feature: string; type: "numeric" | "categorical"; comparator: ComparatorName; threshold: number; reason: string };

export type ReportTotals = { featureCount: number; anomalyCount: number; maxSeverity: number; topFeature: string | null };

/** Distance over threshold: above 1 is an anomaly (a distance equal to its threshold is not, as in TFDV). */
export function severityOf(distance: number, threshold: number): number {
  if (threshold > 0) return Math.min(distance / threshold, SEVERITY_CAP);
  return distance > 0 ? SEVERITY_CAP : 0;
}

/** One stored row of a compared feature, or null when the comparator could not apply. */
export function featureRow(f: FeatureComparison): FeatureRow | null {
  if (f.distance === null) return null;
  return {
    feature: f.name,
    featureType: f.type,
    comparator: f.comparator,
    distance: f.distance,
    threshold: f.threshold,
    anomaly: f.anomaly,
    severity: severityOf(f.distance, f.threshold),
    movedMost: f.movedMost ? describeMovedMost(f.movedMost) : null,
    movedMostDetail: f.movedMost,
  };
}

/** A feature with no measurement, with TFDV's reason. */
export function notComparableOf(f: FeatureComparison): NotComparable {
  return { feature: f.name, type: f.type, comparator: f.comparator, threshold: f.threshold, reason: f.error ?? "no measurement" };
}

/** Totals of a report from its rows: the most severe feature is its top feature. */
export function reportTotals(rows: readonly Pick<FeatureRow, "feature" | "anomaly" | "severity">[], notComparable: number): ReportTotals {
  let top: (typeof rows)[number] | null = null;
  for (const r of rows) if (!top || r.severity > top.severity || (r.severity === top.severity && r.feature < top.feature)) top = r;
  return {
    featureCount: rows.length + notComparable,
    anomalyCount: rows.filter((r) => r.anomaly).length,
    maxSeverity: top?.severity ?? 0,
    topFeature: top?.feature ?? null,
  };
}

/** Everything a report stores, from a comparison. */
export function reportContent(comparison: ProfileComparison): { rows: FeatureRow[]; notComparable: NotComparable[]; totals: ReportTotals; schemaAnomalies: ProfileComparison["schemaAnomalies"] } {
  const rows: FeatureRow[] = [];
  const notComparable: NotComparable[] = [];
  for (const f of comparison.features) {
    const row = featureRow(f);
    if (row) rows.push(row);
    else notComparable.push(notComparableOf(f));
  }
  return { rows, notComparable, totals: reportTotals(rows, notComparable.length), schemaAnomalies: comparison.schemaAnomalies };
}
