// Compares a baseline profile with a target profile feature by feature, as TFDV's
// distribution/skew comparators do (feature_util.cc UpdateFeatureComparatorDirect), and
// reports schema anomalies alongside. Roles: skew = training (baseline) vs serving (target);
// drift = previous span (baseline) vs current (target).

import {
  jensenShannonOfAligned,
  lInfinityOfAligned,
  normalizedAbsDifferenceOfAligned,
  sharesOfAligned,
  type AlignedCounts,
} from "./categorical";
import {
  isAnomaly,
  jensenShannonDivergence,
  normalizedWassersteinDistance,
  populationStabilityIndex,
  psiOfShares,
  type Histogram,
} from "./distance";
import { DriftInputError } from "./errors";
import { alignFeatureCounts, featureHistogram, type HistogramKind } from "./inputs";
import { categoricalMovedMost, numericMovedMost, type MovedMost } from "./moved-most";
import type { DatasetProfile, FeatureProfile, FeatureType, NumericFeatureProfile } from "./profile";
import { schemaAnomalies, type SchemaAnomaly } from "./schema-anomalies";

export type Comparator = "l_infinity" | "jensen_shannon" | "psi" | "wasserstein" | "normalized_abs_difference";
export type { MovedMost } from "./moved-most";
export { describeMovedMost } from "./moved-most";
export type { SchemaAnomaly } from "./schema-anomalies";
export { DEFAULT_MISSING_FRACTION_JUMP, DEFAULT_NEW_VALUE_SHARE } from "./schema-anomalies";

/** Comparator per feature type when none is configured: TFDV's choice (L-infinity for categorical skew, JSD for numeric). */
export const DEFAULT_COMPARATORS: Readonly<Record<FeatureType, Comparator>> = {
  categorical: "l_infinity",
  numeric: "jensen_shannon",
};

/**
 * Threshold per comparator when none is configured; a distance strictly above it is an
 * anomaly. TFDV has no default (the schema sets one per feature); 0.1 is a common choice
 * for L-infinity and JSD, and Evidently's default for PSI and the normalised Wasserstein
 * distance. Skew and drift share these defaults.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<Comparator, number>> = {
  l_infinity: 0.1,
  jensen_shannon: 0.1,
  normalized_abs_difference: 0.1,
  psi: 0.1,
  wasserstein: 0.1,
};

export type FeatureCompareConfig = { comparator?: Comparator; threshold?: number; histogramType?: HistogramKind };

export type CompareConfig = {
  /** Per-feature overrides, by feature name. */
  features?: Record<string, FeatureCompareConfig>;
  comparators?: Partial<Record<FeatureType, Comparator>>;
  thresholds?: Partial<Record<Comparator, number>>;
  /** Numeric histogram compared (TFDV HistogramSelection); STANDARD by default. */
  histogramType?: HistogramKind;
  /** Share of target values a value absent from the baseline must reach to be reported. */
  newValueShare?: number;
  /** Absolute rise of the missing fraction that is reported. */
  missingFractionJump?: number;
};

export type FeatureComparison = {
  name: string;
  type: FeatureType;
  comparator: Comparator;
  /** Null when the comparator cannot apply (TFDV's InvalidArgument: no measurement). */
  distance: number | null;
  threshold: number;
  anomaly: boolean;
  movedMost: MovedMost | null;
  error?: string;
};

export type ProfileComparison = {
  features: FeatureComparison[];
  schemaAnomalies: SchemaAnomaly[];
  /** Features whose distance is above threshold. */
  anomalyCount: number;
};

function categoricalDistance(comparator: Comparator, al: AlignedCounts): number {
  switch (comparator) {
    case "l_infinity":
      return lInfinityOfAligned(al).value;
    case "normalized_abs_difference":
      return normalizedAbsDifferenceOfAligned(al).value;
    case "jensen_shannon":
      return jensenShannonOfAligned(al);
    case "psi": {
      const { p, q } = sharesOfAligned(al);
      return psiOfShares(p, q);
    }
    case "wasserstein":
      throw new DriftInputError("The Wasserstein distance compares numeric features.");
  }
}

function numericDistance(
  comparator: Comparator,
  a: NumericFeatureProfile,
  kind: HistogramKind,
  ha: Histogram | undefined,
  hb: Histogram | undefined,
): number {
  if (comparator === "l_infinity" || comparator === "normalized_abs_difference") {
    // TFDV would compare two empty rank histograms and report 0, which never fires (b/68711199).
    throw new DriftInputError(`${comparator} compares categorical features.`);
  }
  if (!ha || !hb) throw new DriftInputError("One or more feature missing data.");
  if (comparator === "jensen_shannon") return jensenShannonDivergence(ha, hb, { histogramType: kind });
  if (comparator === "psi") return populationStabilityIndex(ha, hb);
  return normalizedWassersteinDistance(ha, hb, { baselineStdDev: a.stdDev ?? undefined });
}

function compareFeature(a: FeatureProfile, b: FeatureProfile, config: CompareConfig): FeatureComparison {
  const own = config.features && Object.hasOwn(config.features, a.name) ? config.features[a.name] : {};
  const comparator = own.comparator ?? config.comparators?.[a.type] ?? DEFAULT_COMPARATORS[a.type];
  const threshold = own.threshold ?? config.thresholds?.[comparator] ?? DEFAULT_THRESHOLDS[comparator];
  let distance: number | null = null;
  let movedMost: MovedMost | null = null;
  let error: string | undefined;
  try {
    if (a.type === "categorical" && b.type === "categorical") {
      const al = alignFeatureCounts(a, b);
      movedMost = categoricalMovedMost(al);
      distance = categoricalDistance(comparator, al);
    } else if (a.type === "numeric" && b.type === "numeric") {
      const kind = own.histogramType ?? config.histogramType ?? "STANDARD";
      const ha = featureHistogram(a, kind);
      const hb = featureHistogram(b, kind);
      if (ha && hb) movedMost = numericMovedMost(ha, hb);
      distance = numericDistance(comparator, a, kind, ha, hb);
    }
  } catch (e) {
    if (!(e instanceof DriftInputError)) throw e;
    error = e.message;
  }
  return {
    name: a.name,
    type: a.type,
    comparator,
    distance,
    threshold,
    anomaly: distance !== null && isAnomaly(distance, threshold),
    movedMost,
    ...(error !== undefined ? { error } : {}),
  };
}

/** Compares every feature present in both profiles with the same type, and lists schema anomalies. */
export function compareProfiles(
  baseline: DatasetProfile,
  target: DatasetProfile,
  config: CompareConfig = {},
): ProfileComparison {
  const targetByName = new Map(target.features.map((f) => [f.name, f]));
  const features: FeatureComparison[] = [];
  for (const a of baseline.features) {
    const b = targetByName.get(a.name);
    if (b && b.type === a.type) features.push(compareFeature(a, b, config));
  }
  return {
    features,
    schemaAnomalies: schemaAnomalies(baseline, target, config),
    anomalyCount: features.filter((f) => f.anomaly).length,
  };
}
