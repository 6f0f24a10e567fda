import "server-only";
import type { Histogram } from "../../drift/distance";
import { featureCounts, featureHistogram } from "../../drift/inputs";
import type { CategoricalFeatureProfile, NumericFeatureProfile } from "../../drift/profile";

// What the report page draws for one feature (pure): two numeric histograms on one equal-width grid,
// each normalised to shares of its own values, or two categorical value lists side by side. The grid
// spreads each stored bucket uniformly over the bins it covers (the uniform-density assumption TFDV's
// rebucketing makes), so the two sides are comparable bar by bar whatever their own boundaries.

export type OverlayBin = { low: number; high: number; baseline: number; target: number };
export type OverlaySpecial = { label: "NaN" | "-Infinity" | "Infinity"; baseline: number; target: number };
export type NumericOverlay = { bins: OverlayBin[]; special: OverlaySpecial[] };

export type NumericSummary = { count: number; missing: number; zeros: number; min: number | null; max: number | null; mean: number | null; stdDev: number | null; median: number | null };
export type ValueShare = { value: string; baseline: number; target: number; isNew: boolean };
export type CategoricalOverlay = { values: ValueShare[]; otherBaseline: number; otherTarget: number; distinctBaseline: number; distinctTarget: number };

const DEFAULT_BINS = 20;

type Masses = { finite: { low: number; high: number; count: number }[]; nan: number; negInf: number; posInf: number; total: number };

function masses(h: Histogram | undefined): Masses {
  const out: Masses = { finite: [], nan: h?.numNan ?? 0, negInf: 0, posInf: 0, total: 0 };
  for (const b of h?.buckets ?? []) {
    if (b.low === -Infinity || b.high === -Infinity) out.negInf += b.count;
    else if (!Number.isFinite(b.low) || !Number.isFinite(b.high)) out.posInf += b.count;
    else out.finite.push(b);
  }
  out.total = out.finite.reduce((s, b) => s + b.count, 0) + out.nan + out.negInf + out.posInf;
  return out;
}

function spread(m: Masses, lo: number, width: number, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  const binOf = (x: number) => Math.min(n - 1, Math.max(0, Math.floor((x - lo) / width)));
  for (const { low, high, count } of m.finite) {
    if (!(high > low) || width === 0) {
      out[width === 0 ? 0 : binOf(low)] += count;
      continue;
    }
    for (let i = binOf(low); i <= binOf(high); i++) {
      const overlap = Math.min(high, lo + (i + 1) * width) - Math.max(low, lo + i * width);
      if (overlap > 0) out[i] += (count * overlap) / (high - low);
    }
  }
  return out;
}

/** Two histograms on one equal-width grid over both ranges, as shares of each side's values (NaN and ±inf apart). */
export function overlayHistograms(baseline: Histogram | undefined, target: Histogram | undefined, bins = DEFAULT_BINS): NumericOverlay {
  const a = masses(baseline);
  const b = masses(target);
  const finite = [...a.finite, ...b.finite];
  const special: OverlaySpecial[] = [];
  const share = (x: number, m: Masses) => (m.total > 0 ? x / m.total : 0);
  for (const [label, x, y] of [["-Infinity", a.negInf, b.negInf], ["Infinity", a.posInf, b.posInf], ["NaN", a.nan, b.nan]] as const) {
    if (x > 0 || y > 0) special.push({ label, baseline: share(x, a), target: share(y, b) });
  }
  if (finite.length === 0) return { bins: [], special };
  const lo = Math.min(...finite.map((f) => f.low));
  const hi = Math.max(...finite.map((f) => f.high));
  const n = hi > lo ? bins : 1;
  const width = (hi - lo) / n;
  const sa = spread(a, lo, width, n);
  const sb = spread(b, lo, width, n);
  return {
    bins: sa.map((x, i) => ({ low: lo + i * width, high: i === n - 1 ? hi : lo + (i + 1) * width, baseline: share(x, a), target: share(sb[i], b) })),
    special,
  };
}

/** The median read off a QUANTILES histogram (the boundary between its middle buckets), if there is one. */
function medianOf(f: NumericFeatureProfile): number | null {
  const q = featureHistogram(f, "QUANTILES")?.buckets.filter((b) => Number.isFinite(b.low) && Number.isFinite(b.high));
  if (!q || q.length === 0) return null;
  const total = q.reduce((s, b) => s + b.count, 0);
  let seen = 0;
  for (const b of q) {
    if (seen + b.count >= total / 2) return b.count > 0 ? b.low + ((total / 2 - seen) / b.count) * (b.high - b.low) : b.low;
    seen += b.count;
  }
  return q[q.length - 1].high;
}

/** The numbers shown beside a numeric histogram. */
export function numericSummary(f: NumericFeatureProfile): NumericSummary {
  return { count: f.count, missing: f.missing, zeros: f.zeros, min: f.min, max: f.max, mean: f.mean, stdDev: f.stdDev, median: medianOf(f) };
}

/** The values of two categorical features side by side: the `limit` largest by either side's share, new ones flagged. */
export function overlayValues(baseline: CategoricalFeatureProfile | null, target: CategoricalFeatureProfile | null, limit = 15): CategoricalOverlay {
  const a = baseline ? featureCounts(baseline) : {};
  const b = target ? featureCounts(target) : {};
  const sum = (r: Record<string, number>) => Object.values(r).reduce((s, x) => s + x, 0);
  const ta = sum(a);
  const tb = sum(b);
  const labels = new Set([...Object.keys(a), ...Object.keys(b)]);
  const all: ValueShare[] = [...labels].map((value) => ({ value, baseline: ta > 0 ? (a[value] ?? 0) / ta : 0, target: tb > 0 ? (b[value] ?? 0) / tb : 0, isNew: baseline !== null && !(value in a) }));
  all.sort((x, y) => Math.max(y.baseline, y.target) - Math.max(x.baseline, x.target) || (x.value < y.value ? -1 : 1));
  const values = all.slice(0, limit);
  // What the listed values leave; rounding residue (1e-17) is not a share.
  const rest = (total: number, k: "baseline" | "target") => {
    const left = (total > 0 ? 1 : 0) - values.reduce((s, v) => s + v[k], 0);
    return left > 1e-9 ? left : 0;
  };
  return {
    values,
    otherBaseline: rest(ta, "baseline"),
    otherTarget: rest(tb, "target"),
    distinctBaseline: baseline?.distinct ?? 0,
    distinctTarget: target?.distinct ?? 0,
  };
}
