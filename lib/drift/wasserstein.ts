// Wasserstein-1 distance between two histograms, normalised as Evidently's `wasserstein`
// stattest does (legacy/calculations/stattests/wasserstein_distance_norm.py: W1 divided by
// max(np.std(reference), 0.001), population σ). Evidently works on raw samples; here each
// histogram stands for its samples, spread uniformly within finite buckets, with point
// buckets as atoms. ±inf and NaN are dropped first, as get_one_column_drift drops them.

import type { Histogram } from "./distance";
import { DriftInputError } from "./errors";

type Piece = { low: number; high: number; mass: number };

function finitePieces(h: Histogram): Piece[] {
  let total = 0;
  const pieces: Piece[] = [];
  for (const { low, high, count } of h.buckets) {
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(count > 0)) continue;
    pieces.push({ low: Math.min(low, high), high: Math.max(low, high), mass: count });
    total += count;
  }
  if (!(total > 0)) throw new DriftInputError("Unable to normalize an empty histogram");
  for (const p of pieces) p.mass /= total;
  return pieces;
}

/** Population standard deviation of a histogram read as uniform buckets and point atoms. */
export function histogramStdDev(h: Histogram): number {
  const pieces = finitePieces(h);
  let mean = 0;
  for (const p of pieces) mean += p.mass * ((p.low + p.high) / 2);
  let variance = 0;
  for (const p of pieces) {
    const mid = (p.low + p.high) / 2 - mean;
    const width = p.high - p.low;
    variance += p.mass * (mid * mid + (width * width) / 12);
  }
  return Math.sqrt(Math.max(variance, 0));
}

// CDF on the open interval just right of x: ranges are continuous, atoms at ≤ x counted.
function cdfParts(pieces: Piece[], x: number): { ranges: number; atoms: number } {
  let ranges = 0;
  let atoms = 0;
  for (const p of pieces) {
    if (p.low === p.high) {
      if (p.low <= x) atoms += p.mass;
    } else if (x >= p.high) {
      ranges += p.mass;
    } else if (x > p.low) {
      ranges += (p.mass * (x - p.low)) / (p.high - p.low);
    }
  }
  return { ranges, atoms };
}

// ∫ |u + (v − u)·t| over a segment of the given width (t from 0 to 1).
function absLinearIntegral(u: number, v: number, width: number): number {
  if ((u >= 0 && v >= 0) || (u <= 0 && v <= 0)) return (Math.abs(u) + Math.abs(v)) * width * 0.5;
  return ((u * u + v * v) / (2 * (Math.abs(u) + Math.abs(v)))) * width;
}

/** Wasserstein-1 distance between the finite parts of two histograms (not normalised). */
export function histogramWasserstein(a: Histogram, b: Histogram): number {
  const pa = finitePieces(a);
  const pb = finitePieces(b);
  const xs = [...new Set([...pa, ...pb].flatMap((p) => [p.low, p.high]))].sort((x, y) => x - y);
  let total = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const x0 = xs[i];
    const x1 = xs[i + 1];
    const a0 = cdfParts(pa, x0);
    const b0 = cdfParts(pb, x0);
    const a1 = cdfParts(pa, x1).ranges + a0.atoms;
    const b1 = cdfParts(pb, x1).ranges + b0.atoms;
    total += absLinearIntegral(a0.ranges + a0.atoms - (b0.ranges + b0.atoms), a1 - b1, x1 - x0);
  }
  return total;
}
