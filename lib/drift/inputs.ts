// What the distances take, read off a profile's feature: count maps for categorical
// features (TFDV's GetStringValuesWithCounts over the rank histogram) and histograms for
// numeric ones (TFDV's GetHistogramType), with stored ±inf counts turned back into point
// buckets.

import { alignCounts, type AlignedCounts } from "./categorical";
import type { Histogram } from "./distance";
import type {
  CategoricalFeatureProfile,
  FeatureProfile,
  NumericFeatureProfile,
  ProfileHistogram,
} from "./profile";

export type HistogramKind = "STANDARD" | "QUANTILES";

export type DistanceInputs =
  | { type: "categorical"; counts: Record<string, number> }
  | { type: "numeric"; standard?: Histogram; quantiles?: Histogram };

/** Label → count of a categorical feature's top values, as a Map (first occurrence wins, as TFDV's map insert). */
export function featureCountMap(feature: CategoricalFeatureProfile): Map<string, number> {
  const map = new Map<string, number>();
  for (const { value, count } of feature.topValues) if (!map.has(value)) map.set(value, count);
  return map;
}

/** The top values of two categorical features aligned on the union of labels (baseline first). */
export function alignFeatureCounts(baseline: CategoricalFeatureProfile, target: CategoricalFeatureProfile): AlignedCounts {
  return alignCounts(baseline.topValues, target.topValues);
}

/** Label → count of a categorical feature's top values, as a prototype-free record. */
export function featureCounts(feature: CategoricalFeatureProfile): Record<string, number> {
  const record = Object.create(null) as Record<string, number>;
  for (const [value, count] of featureCountMap(feature)) record[value] = count;
  return record;
}

/** A stored histogram in TFDV's form, with [-inf,-inf] and [inf,inf] point buckets for infinities. */
export function toDistanceHistogram(stored: ProfileHistogram): Histogram {
  const buckets = stored.buckets.map(({ low, high, count }) => ({ low, high, count }));
  // utils/quantiles_util.py generate_equi_width_histogram: infinities become point buckets.
  if (stored.numNegInf) buckets.unshift({ low: -Infinity, high: -Infinity, count: stored.numNegInf });
  if (stored.numPosInf) buckets.push({ low: Infinity, high: Infinity, count: stored.numPosInf });
  return { type: stored.type, buckets, numNan: stored.numNan };
}

/** The numeric feature's histogram of the given type, or undefined when it has none. */
export function featureHistogram(
  feature: NumericFeatureProfile,
  kind: HistogramKind = "STANDARD",
): Histogram | undefined {
  // TFDV takes the first histogram of the selected type.
  const stored = feature.histograms.find((h) => h.type === kind);
  return stored ? toDistanceHistogram(stored) : undefined;
}

/** Everything the distances need from one feature of a profile. */
export function featureDistanceInputs(feature: FeatureProfile): DistanceInputs {
  if (feature.type === "categorical") return { type: "categorical", counts: featureCounts(feature) };
  const standard = featureHistogram(feature, "STANDARD");
  const quantiles = featureHistogram(feature, "QUANTILES");
  return {
    type: "numeric",
    ...(standard ? { standard } : {}),
    ...(quantiles ? { quantiles } : {}),
  };
}
