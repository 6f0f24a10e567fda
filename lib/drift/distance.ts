// The distances Shelfwatch compares profiles with. TFDV's three (L-infinity, normalised
// absolute difference, Jensen-Shannon divergence) follow tensorflow_data_validation
// anomalies/metrics.cc literally; PSI and the normalised Wasserstein distance follow
// Evidently's stattests. This file is the module's export point for distances.

import {
  alignRecords,
  jensenShannonOfAligned,
  lInfinityOfAligned,
  normalizedAbsDifferenceOfAligned,
  sharesOfAligned,
} from "./categorical";
import { DriftInputError } from "./errors";
import { alignFinite, histogramJensenShannon, histogramType } from "./rebucket";
import { histogramStdDev, histogramWasserstein } from "./wasserstein";

export type Histogram = {
  type?: "STANDARD" | "QUANTILES";
  buckets: { low: number; high: number; count: number }[];
  numNan?: number;
};

export { DriftInputError } from "./errors";
export { compareUtf8 } from "./categorical";
export { alignFinite, histogramType } from "./rebucket";
export type { Alignment, Bin } from "./rebucket";
export { histogramStdDev } from "./wasserstein";

/** True when `value` is a Histogram rather than a count map. */
export function isHistogram(value: unknown): value is Histogram {
  return typeof value === "object" && value !== null && Array.isArray((value as Histogram).buckets);
}

/** TFDV's L-infinity distance of separately normalised counts, with the label of the largest difference. */
export function lInfinityDistance(
  baseline: Record<string, number>,
  target: Record<string, number>,
): { value: number; label: string | null } {
  return lInfinityOfAligned(alignRecords(baseline, target));
}

/** TFDV's normalised absolute difference (counts scaled by the combined total), with its label. */
export function normalizedAbsoluteDifference(
  baseline: Record<string, number>,
  target: Record<string, number>,
): { value: number; label: string | null } {
  return normalizedAbsDifferenceOfAligned(alignRecords(baseline, target));
}

// Two histograms take TFDV's numeric path, two count maps its categorical path; anything else throws.
// With histogramType given, histograms of another type throw (TFDV's missing-histogram error).
/** TFDV's Jensen-Shannon divergence (base 2, capped at 1) of two histograms or two count maps. */
export function jensenShannonDivergence(
  baseline: Histogram | Record<string, number>,
  target: Histogram | Record<string, number>,
  options?: { histogramType?: "STANDARD" | "QUANTILES" },
): number {
  const numericA = isHistogram(baseline);
  const numericB = isHistogram(target);
  if (numericA && numericB) {
    const wanted = options?.histogramType;
    if (wanted && (histogramType(baseline) !== wanted || histogramType(target) !== wanted)) {
      // FeatureStatsView::GetHistogramType finds no histogram of the selected type.
      throw new DriftInputError("One or more feature missing data.");
    }
    return histogramJensenShannon(baseline, target);
  }
  if (!numericA && !numericB) {
    return jensenShannonOfAligned(alignRecords(baseline as Record<string, number>, target as Record<string, number>));
  }
  throw new DriftInputError(
    "Input statistics must be either both numeric or both string in order to calculate the Jensen-Shannon divergence.",
  );
}

// Evidently get_binned_data(feel_zeroes=True): a zero share becomes min_nonzero/1e6 when the
// smallest non-zero share is ≤ 0.0001, else 0.0001; each side is filled on its own.
function fillZeroes(shares: number[]): number[] {
  let smallest = Infinity;
  for (const s of shares) if (s > 0 && s < smallest) smallest = s;
  // A denormal share would fill with 0 and make ln(0/0); the smallest double stands in.
  const fill = smallest <= 0.0001 ? smallest / 1e6 || Number.MIN_VALUE : 0.0001;
  return shares.map((s) => (s === 0 ? fill : s));
}

/** Evidently's PSI of two aligned share vectors (zero shares filled per side). */
export function psiOfShares(p: number[], q: number[]): number {
  const r = fillZeroes(p);
  const c = fillZeroes(q);
  let psi = 0;
  for (let i = 0; i < r.length; i++) psi += (r[i] - c[i]) * Math.log(r[i] / c[i]);
  return psi;
}

/** Evidently's PSI Σ(r−c)·ln(r/c) over the union of labels, or of histogram boundaries (±inf and NaN dropped). */
export function populationStabilityIndex(
  baseline: Histogram | Record<string, number>,
  target: Histogram | Record<string, number>,
): number {
  let p: number[];
  let q: number[];
  if (isHistogram(baseline) && isHistogram(target)) {
    const al = alignFinite(baseline, target);
    const sa = al.a.reduce((s, x) => s + x, 0);
    const sb = al.b.reduce((s, x) => s + x, 0);
    if (!(sa > 0) || !(sb > 0)) throw new DriftInputError("Unable to normalize an empty histogram");
    p = al.a.map((x) => x / sa);
    q = al.b.map((x) => x / sb);
  } else if (!isHistogram(baseline) && !isHistogram(target)) {
    ({ p, q } = sharesOfAligned(alignRecords(baseline, target)));
  } else {
    throw new DriftInputError("PSI needs two histograms or two count maps.");
  }
  return psiOfShares(p, q);
}

/** Evidently's normalised Wasserstein distance W1 / max(σ_baseline, 0.001) of two histograms. */
export function normalizedWassersteinDistance(
  baseline: Histogram,
  target: Histogram,
  /** baselineStdDev: σ of the baseline's values (a profile's stdDev); defaults to the baseline histogram's. */
  options?: { baselineStdDev?: number },
): number {
  if (!isHistogram(baseline) || !isHistogram(target)) {
    throw new DriftInputError("The Wasserstein distance compares two numeric histograms.");
  }
  const given = options?.baselineStdDev;
  const sigma = given !== undefined && Number.isFinite(given) ? given : histogramStdDev(baseline);
  return histogramWasserstein(baseline, target) / Math.max(sigma, 0.001);
}

/** A distance is an anomaly when strictly greater than its threshold, as in TFDV. */
export function isAnomaly(value: number, threshold: number): boolean {
  return value > threshold;
}
