// The dataset profile: what Shelfwatch stores per dataset (training set, serving day,
// evaluation set) and compares. It holds the same content as a TFDV
// DatasetFeatureStatistics, plus the sketch state that lets profiles merge. Every number in
// it is finite, so JSON.stringify/parse round-trips it exactly (it is stored as JSONB).

export type FeatureType = "numeric" | "categorical";

export const PROFILE_FORMAT = "shelfwatch.profile.v1";

/**
 * A histogram as stored: finite buckets only (low exclusive except in the first bucket,
 * high inclusive, as TFDV's Histogram.Bucket). Values of ±inf are kept as counts beside the
 * buckets because JSON has no infinities; featureHistogram() turns them back into TFDV's
 * [-inf,-inf] / [inf,inf] point buckets.
 */
export type ProfileHistogram = {
  type: "STANDARD" | "QUANTILES";
  buckets: { low: number; high: number; count: number }[];
  numNan: number;
  numNegInf?: number;
  numPosInf?: number;
};

/** State of the KLL quantile sketch: levels[h] is sorted and each of its items weighs 2^h. */
export type QuantileSketchState = {
  k: number;
  n: number;
  levels: number[][];
  seed: number;
};

type CommonFeatureProfile = {
  name: string;
  /** Examples in which the feature is present (TFDV num_non_missing). */
  count: number;
  /** Examples in which it is absent or null (TFDV num_missing). */
  missing: number;
  /** Values over all examples; differs from count only for list-valued features. */
  numValues: number;
};

export type NumericFeatureProfile = CommonFeatureProfile & {
  type: "numeric";
  zeros: number;
  numNan: number;
  numNegInf: number;
  numPosInf: number;
  /** Over finite values; null when there are none. */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Population standard deviation (ddof 0, as TFDV's std_dev). */
  stdDev: number | null;
  /** Sum of squared deviations from the mean (for Chan's parallel merge); absent for TFDV input. */
  m2?: number;
  histograms: ProfileHistogram[];
  /** Absent for statistics read from TFDV: such features compare but cannot merge. */
  sketch?: QuantileSketchState;
};

export type CategoricalFeatureProfile = CommonFeatureProfile & {
  type: "categorical";
  /** Most frequent values, by decreasing count, each label once; at most `topK` (TFDV's rank_histogram). */
  topValues: { value: string; count: number }[];
  /** Upper bound on how far any value's count may be underestimated (0 = exact). */
  topValuesError: number;
  /** Distinct values: exact when topValues holds them all, else a HyperLogLog estimate. */
  distinct: number;
  /** HyperLogLog registers, present when topValues does not hold every distinct value. */
  distinctSketch?: string;
};

export type FeatureProfile = NumericFeatureProfile | CategoricalFeatureProfile;

export type ProfileOptions = {
  /** Equal-width buckets of the STANDARD histogram (TFDV num_histogram_buckets). */
  histogramBuckets: number;
  /** Equal-count buckets of the QUANTILES histogram (TFDV num_quantiles_histogram_buckets). */
  quantileBuckets: number;
  /** Values kept per categorical feature (TFDV num_rank_histogram_buckets). */
  topK: number;
};

export type DatasetProfile = {
  format: typeof PROFILE_FORMAT;
  /** Dataset name, when the source gave one (TFDV DatasetFeatureStatistics.name). */
  name?: string;
  numExamples: number;
  options: ProfileOptions;
  features: FeatureProfile[];
};

export const DEFAULT_PROFILE_OPTIONS: ProfileOptions = {
  histogramBuckets: 10,
  quantileBuckets: 10,
  topK: 1000,
};

/** Finds a feature of a profile by name. */
export function findFeature(profile: DatasetProfile, name: string): FeatureProfile | undefined {
  return profile.features.find((f) => f.name === name);
}
