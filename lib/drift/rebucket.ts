// Histogram alignment and the numeric Jensen-Shannon path, ported literally from TFDV's
// anomalies/metrics.cc (StripPointAndInfiniteBuckets, RebucketHistogram, AddPointMasses,
// AlignHistograms, NormalizeHistogram, KullbackLeiblerDivergence), so that the numbers
// match TFDV's to the last bits on the same inputs.

import type { Histogram } from "./distance";
import { DriftInputError } from "./errors";

/** A bin of an aligned pair of histograms; low === high for a point mass. */
export type Bin = { low: number; high: number };
type Bucket = { low: number; high: number; count: number };

type Stripped = {
  buckets: Bucket[];
  points: Map<number, number>;
  infMass: number;
  negInfMass: number;
  numNan: number;
};

export type Alignment = {
  bins: Bin[];
  a: number[];
  b: number[];
  /** True when the boundary sets differed and both sides were rebucketed. */
  rebucketed: boolean;
  first: Stripped;
  second: Stripped;
};

/** The histogram's type; an absent type is STANDARD, proto3's default. */
export function histogramType(h: Histogram): "STANDARD" | "QUANTILES" {
  return h.type ?? "STANDARD";
}

function strip(h: Histogram): Stripped {
  // StripPointAndInfiniteBuckets: any non-finite bound → one infinite mass; low == high → point.
  const out: Stripped = { buckets: [], points: new Map(), infMass: 0, negInfMass: 0, numNan: h.numNan ?? 0 };
  for (const { low, high, count } of h.buckets) {
    if (!Number.isFinite(low) || !Number.isFinite(high)) {
      out.infMass += count;
      if (low === -Infinity || high === -Infinity) out.negInfMass += count;
    } else if (low === high) {
      out.points.set(low, (out.points.get(low) ?? 0) + count);
    } else {
      out.buckets.push({ low, high, count });
    }
  }
  return out;
}

function boundaries(buckets: Bucket[]): number[] {
  const all: number[] = [];
  for (const b of buckets) all.push(b.low, b.high);
  all.sort((x, y) => x - y);
  const unique: number[] = [];
  for (const x of all) if (unique.length === 0 || unique[unique.length - 1] !== x) unique.push(x);
  return unique;
}

function sameValues(x: number[], y: number[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * RebucketHistogram: spreads each bucket's count uniformly over the union boundaries it
 * covers; intervals a histogram does not cover get 0. The union holds every original
 * boundary, so a bucket never partially overlaps a new one (TFDV's own TODO says so).
 */
function rebucket(bounds: number[], buckets: Bucket[]): number[] {
  const counts: number[] = [];
  const last = bounds.length - 1;
  let index = 0;
  for (const { low, high, count } of buckets) {
    while (index < last && low > bounds[index]) {
      counts.push(0);
      index++;
    }
    const start = index;
    while (index < last && high > bounds[index]) index++;
    // AddBucketsToHistogram: piece count = (piece width / bucket width) · count.
    for (let i = start; i < index; i++) counts.push(((bounds[i + 1] - bounds[i]) / (high - low)) * count);
  }
  for (let i = index; i < last; i++) counts.push(0);
  return counts;
}

/** Aligns the finite buckets and point masses of two histograms as TFDV's AlignHistograms does. */
export function alignFinite(h1: Histogram, h2: Histogram): Alignment {
  const first = strip(h1);
  const second = strip(h2);
  const b1 = boundaries(first.buckets);
  const b2 = boundaries(second.buckets);
  let bins: Bin[];
  let a: number[];
  let b: number[];
  const rebucketed = !sameValues(b1, b2);
  if (!rebucketed) {
    // Same boundary sets: TFDV compares the stripped buckets index by index, as they are.
    bins = first.buckets.map(({ low, high }) => ({ low, high }));
    a = first.buckets.map((x) => x.count);
    b = second.buckets.map((x) => x.count);
  } else {
    const union = boundaries([...first.buckets, ...second.buckets]);
    bins = [];
    for (let i = 0; i + 1 < union.length; i++) bins.push({ low: union[i], high: union[i + 1] });
    a = rebucket(union, first.buckets);
    b = rebucket(union, second.buckets);
  }
  // TFDV CHECK_EQs the sizes (a crash); only overlapping or unordered buckets get here.
  if (a.length !== b.length || a.length !== bins.length) {
    throw new DriftInputError("Histogram buckets overlap or are out of order; they cannot be aligned.");
  }
  // AddPointMasses: one aligned bucket per distinct point value, in increasing order.
  const points = [...new Set([...first.points.keys(), ...second.points.keys()])].sort((x, y) => x - y);
  for (const v of points) {
    bins.push({ low: v, high: v });
    a.push(first.points.get(v) ?? 0);
    b.push(second.points.get(v) ?? 0);
  }
  return { bins, a, b, rebucketed, first, second };
}

function normalize(counts: number[]): number[] {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) throw new DriftInputError("Unable to normalize an empty histogram");
  return counts.map((c) => c / total);
}

function kullbackLeibler(p: number[], q: number[]): number {
  let result = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0 && q[i] > 0) result += p[i] * Math.log2(p[i] / q[i]);
  return result;
}

/** TFDV's numeric Jensen-Shannon divergence of two histograms (base 2, capped at 1). */
export function histogramJensenShannon(h1: Histogram, h2: Histogram): number {
  if (histogramType(h1) !== histogramType(h2)) {
    throw new DriftInputError("Input histograms must have same type.");
  }
  const al = alignFinite(h1, h2);
  const a = al.a.slice();
  const b = al.b.slice();
  // Infinite mass is appended as mismatching buckets: equal ±inf never match (AlignHistograms).
  if (al.first.infMass !== 0) {
    a.push(al.first.infMass);
    b.push(0);
  }
  if (al.second.infMass !== 0) {
    a.push(0);
    b.push(al.second.infMass);
  }
  // RebucketHistogram replaces each histogram with a fresh one that has no num_nan, so NaN
  // counts only take part when no rebucketing happened; then they never match either.
  const nan1 = al.rebucketed ? 0 : al.first.numNan;
  const nan2 = al.rebucketed ? 0 : al.second.numNan;
  if (nan1 > 0 || nan2 > 0) {
    a.push(0, nan1);
    b.push(nan2, 0);
  }
  const p = normalize(a);
  const q = normalize(b);
  const m = p.map((x, i) => (x + q[i]) / 2);
  const result = (kullbackLeibler(p, m) + kullbackLeibler(q, m)) / 2;
  // "Due to precision limitations, the result will be capped at 1.0."
  return Math.min(result, 1);
}
