import "server-only";
import { DEFAULT_COMPARATORS, DEFAULT_THRESHOLDS, type CompareConfig } from "../../drift/compare";
import type { ComparatorName, ReportKind } from "../../schemas/validation";

// Thresholds per model and feature (FeatureConfig rows) as the drift module's CompareConfig. A
// feature without a row gets the documented defaults: L-infinity for categorical features and
// Jensen-Shannon divergence for numeric ones (TFDV's choice), threshold 0.1 for skew and drift alike.

export type FeatureConfigRow = { feature: string; comparator: ComparatorName; skewThreshold: number; driftThreshold: number };

/** The threshold a report kind uses: skew its own, drift and training drift the drift threshold. */
export function thresholdOf(kind: ReportKind, row: Pick<FeatureConfigRow, "skewThreshold" | "driftThreshold">): number {
  return kind === "skew" ? row.skewThreshold : row.driftThreshold;
}

/** The comparison settings of one report kind from a model's feature configs. */
export function compareConfigFor(kind: ReportKind, rows: readonly FeatureConfigRow[]): CompareConfig {
  const features: NonNullable<CompareConfig["features"]> = Object.create(null);
  for (const row of rows) features[row.feature] = { comparator: row.comparator, threshold: thresholdOf(kind, row) };
  return { features };
}

/** The defaults of a feature that has no config row. */
export function defaultFeatureConfig(feature: string, type: "numeric" | "categorical"): FeatureConfigRow {
  const comparator = DEFAULT_COMPARATORS[type];
  return { feature, comparator, skewThreshold: DEFAULT_THRESHOLDS[comparator], driftThreshold: DEFAULT_THRESHOLDS[comparator] };
}
