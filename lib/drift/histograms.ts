// STANDARD and QUANTILES histograms from a quantile sketch, the way TFDV derives both of
// its histograms from one quantiles summary (utils/quantiles_util.py:
// generate_quantiles_histogram, generate_equi_width_histogram): mass between consecutive
// summary points is taken as uniform, which is why STANDARD counts are fractional.

import { KllSketch } from "./kll";
import type { NumericFeatureProfile, ProfileHistogram, ProfileOptions } from "./profile";

/** Piecewise-linear CDF through (min, 0), each sketch item at its mid-rank, and (max, n). */
type Cdf = { xs: Float64Array; ys: Float64Array; total: number };

function sketchCdf(sketch: KllSketch, min: number, max: number): Cdf {
  const { values, weights } = sketch.weightedItems();
  const m = values.length;
  const xs = new Float64Array(m + 2);
  const ys = new Float64Array(m + 2);
  xs[0] = min;
  let cum = 0;
  for (let i = 0; i < m; i++) {
    // Items sharing a value stack vertically: a point mass, as repeated quantiles are in TFDV.
    xs[i + 1] = Math.min(Math.max(values[i], min), max);
    ys[i + 1] = cum + weights[i] / 2;
    cum += weights[i];
  }
  xs[m + 1] = max;
  ys[m + 1] = cum;
  return { xs, ys, total: cum };
}

// Right-continuous CDF: at a point mass it includes the mass (a bucket's high is inclusive).
function cdfAt(cdf: Cdf, x: number): number {
  const { xs, ys } = cdf;
  let lo = 0;
  let hi = xs.length; // first index with xs[i] > x
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  const j = lo - 1;
  if (j < 0) return 0;
  if (j === xs.length - 1) return cdf.total;
  return ys[j] + ((ys[j + 1] - ys[j]) * (x - xs[j])) / (xs[j + 1] - xs[j]);
}

function inverseCdf(cdf: Cdf, rank: number): number {
  const { xs, ys } = cdf;
  let lo = 0;
  let hi = ys.length - 1; // first index with ys[i] >= rank
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ys[mid] < rank) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0 || ys[lo] === ys[lo - 1]) return xs[lo];
  const t = (rank - ys[lo - 1]) / (ys[lo] - ys[lo - 1]);
  // x0 + 1·(x1 − x0) need not round to x1 when their magnitudes differ: clamp.
  if (t >= 1) return xs[lo];
  return Math.min(Math.max(xs[lo - 1] + t * (xs[lo] - xs[lo - 1]), xs[lo - 1]), xs[lo]);
}

/** Equal-width buckets between the finite min and max, boundaries as np.linspace computes them. */
function standardBuckets(cdf: Cdf, min: number, max: number, count: number): ProfileHistogram["buckets"] {
  // generate_equi_width_histogram: all values equal → a single bucket.
  if (min === max) return [{ low: min, high: max, count: cdf.total }];
  const step = (max - min) / count;
  const bounds: number[] = [];
  for (let i = 0; i < count; i++) bounds.push(i * step + min);
  bounds.push(max);
  const buckets: ProfileHistogram["buckets"] = [];
  let below = 0; // the first bucket's low is inclusive, so it starts from 0
  for (let i = 0; i < count; i++) {
    const upTo = i === count - 1 ? cdf.total : cdfAt(cdf, bounds[i + 1]);
    buckets.push({ low: bounds[i], high: bounds[i + 1], count: Math.max(upTo - below, 0) });
    below = upTo;
  }
  return buckets;
}

/** Equal-count buckets between quantile boundaries (TFDV generate_quantiles_histogram). */
function quantileBuckets(cdf: Cdf, min: number, max: number, count: number): ProfileHistogram["buckets"] {
  const share = cdf.total / count;
  const bounds = [min];
  for (let i = 1; i < count; i++) bounds.push(min === max ? min : inverseCdf(cdf, i * share));
  bounds.push(max);
  const buckets: ProfileHistogram["buckets"] = [];
  for (let i = 0; i < count; i++) buckets.push({ low: bounds[i], high: bounds[i + 1], count: share });
  return buckets;
}

export type NumericSummary = {
  min: number | null;
  max: number | null;
  numNan: number;
  numNegInf: number;
  numPosInf: number;
};

/** The STANDARD and QUANTILES histograms of a numeric feature from its sketch. */
export function histogramsFromSketch(
  sketch: KllSketch,
  summary: NumericSummary,
  options: Pick<ProfileOptions, "histogramBuckets" | "quantileBuckets">,
): ProfileHistogram[] {
  const { min, max, numNan, numNegInf, numPosInf } = summary;
  const extra = { numNan, ...(numNegInf ? { numNegInf } : {}), ...(numPosInf ? { numPosInf } : {}) };
  if (sketch.n === 0 || min === null || max === null) {
    return [
      { type: "STANDARD", buckets: [], ...extra },
      { type: "QUANTILES", buckets: [], ...extra },
    ];
  }
  const cdf = sketchCdf(sketch, min, max);
  return [
    { type: "STANDARD", buckets: standardBuckets(cdf, min, max, options.histogramBuckets), ...extra },
    { type: "QUANTILES", buckets: quantileBuckets(cdf, min, max, options.quantileBuckets), ...extra },
  ];
}

/** Approximate value at quantile q ∈ [0, 1] from a sketch, interpolated like the histograms. */
export function sketchQuantile(sketch: KllSketch, min: number, max: number, q: number): number {
  const cdf = sketchCdf(sketch, min, max);
  return inverseCdf(cdf, Math.min(Math.max(q, 0), 1) * cdf.total);
}

/** Approximate fraction of values ≤ x from a sketch. */
export function sketchRank(sketch: KllSketch, min: number, max: number, x: number): number {
  const cdf = sketchCdf(sketch, min, max);
  return cdf.total === 0 ? 0 : cdfAt(cdf, x) / cdf.total;
}

/** Approximate value at quantile q of a numeric feature from its sketch; null without sketch or values. */
export function featureQuantile(feature: NumericFeatureProfile, q: number): number | null {
  if (!feature.sketch || feature.min === null || feature.max === null || feature.sketch.n === 0) return null;
  return sketchQuantile(KllSketch.fromState(feature.sketch), feature.min, feature.max, q);
}
