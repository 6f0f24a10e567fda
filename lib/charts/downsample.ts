// Server-side downsampling of chart series, so a chart never receives more points than it has pixels.
// Largest-Triangle-Three-Buckets (Steinarsson 2013, "Downsampling Time Series for Visual
// Representation", ch. 4), extended with points that must survive: the ends, the global extremes of
// y and caller-marked points such as deployments or production changes.

export interface Point {
  x: number;
  y: number;
}

export interface LttbOptions<P extends Point> {
  /** Points that must appear in the output whatever their shape (deployment markers, alias moves). */
  keep?: (point: P, index: number) => boolean;
}

/** Indices of the points that are always kept: first, last, global min and max of y, and `keep`. */
function mandatoryIndices<P extends Point>(points: readonly P[], keep?: (p: P, i: number) => boolean): number[] {
  let min = 0;
  let max = 0;
  points.forEach((p, i) => {
    if (p.y < points[min]!.y) min = i;
    if (p.y > points[max]!.y) max = i;
  });
  const kept = new Set([0, points.length - 1, min, max]);
  if (keep) points.forEach((p, i) => {
    if (keep(p, i)) kept.add(i);
  });
  return [...kept].sort((a, b) => a - b);
}

/**
 * Shares `budget` free slots among the gaps between kept points, in proportion to how many points
 * each gap holds (largest remainder), as plain LTTB gives every bucket the same number of points.
 * Since budget < total interior points, no gap is given more slots than it has points.
 */
function shareBudget(gapSizes: readonly number[], budget: number): number[] {
  const total = gapSizes.reduce((sum, n) => sum + n, 0);
  if (total === 0 || budget <= 0) return gapSizes.map(() => 0);
  const exact = gapSizes.map((n) => (budget * n) / total);
  const shares = exact.map(Math.floor);
  let left = budget - shares.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    if (shares[i]! < gapSizes[i]!) {
      shares[i] = shares[i]! + 1;
      left -= 1;
    }
  }
  return shares;
}

/**
 * LTTB between two fixed anchors: the interior points (from, to) exclusive are split into `slots`
 * buckets of near-equal size and, per bucket, the point forming the largest triangle with the last
 * chosen point and the mean of the next bucket (the right anchor for the last bucket) is chosen.
 */
function lttbBetween<P extends Point>(points: readonly P[], from: number, to: number, slots: number): number[] {
  const chosen: number[] = [];
  const interior = to - from - 1;
  if (slots <= 0 || interior <= 0) return chosen;
  const edge = (b: number) => from + 1 + Math.floor((b * interior) / slots); // start of bucket b
  let previous = from;
  for (let b = 0; b < slots; b++) {
    const start = edge(b);
    const end = edge(b + 1); // exclusive
    let nextX = points[to]!.x;
    let nextY = points[to]!.y;
    if (b + 1 < slots) {
      const nextEnd = edge(b + 2);
      nextX = 0;
      nextY = 0;
      for (let j = end; j < nextEnd; j++) {
        nextX += points[j]!.x;
        nextY += points[j]!.y;
      }
      nextX /= nextEnd - end;
      nextY /= nextEnd - end;
    }
    const a = points[previous]!;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const c = points[j]!;
      // Twice the triangle's area; the factor does not change which point wins.
      const area = Math.abs((a.x - nextX) * (c.y - a.y) - (a.x - c.x) * (nextY - a.y));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    chosen.push(best);
    previous = best;
  }
  return chosen;
}

// Budget: the output has at most `threshold` points in total; the kept points (first, last, global
// min and max of y, every point `keep` accepts) use it up first and LTTB fills the rest. Only when the
// kept points alone exceed `threshold` is the output longer: it is then exactly the kept points,
// because a chart that silently loses a deployment marker misreports what happened.
/** Downsamples a series sorted by x to at most `threshold` points, returning the input objects in order. */
export function lttb<P extends Point>(points: readonly P[], threshold: number, options: LttbOptions<P> = {}): P[] {
  if (!(threshold >= 0)) throw new RangeError(`threshold must be a non-negative number, got ${threshold}`);
  const limit = Math.floor(threshold);
  if (points.length <= limit) return points.slice();

  const kept = mandatoryIndices(points, options.keep);
  const budget = limit - kept.length;
  if (budget <= 0) return kept.map((i) => points[i]!);

  const gaps = kept.slice(1).map((to, g) => to - kept[g]! - 1);
  const slots = shareBudget(gaps, budget);
  const out: P[] = [points[kept[0]!]!];
  for (let g = 0; g < gaps.length; g++) {
    const from = kept[g]!;
    const to = kept[g + 1]!;
    for (const i of lttbBetween(points, from, to, slots[g]!)) out.push(points[i]!);
    out.push(points[to]!);
  }
  return out;
}
