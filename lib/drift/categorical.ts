// Distances over categorical count maps (label → count), ported from TFDV's
// anomalies/metrics.cc and anomalies/map_util.cc. The internal functions take Maps so
// that callers holding thousands of labels (compare.ts) avoid object churn.

import { DriftInputError } from "./errors";

export type LabelDifference = { value: number; label: string | null };

/** Compares two strings in UTF-8 byte order, the order of TFDV's std::map<std::string, …>. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 unit order equals code point (= UTF-8 byte) order except that surrogates
    // (U+D800–DFFF, i.e. code points above U+FFFF) must sort after U+E000–FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Turns a plain record of counts into a Map without touching its prototype chain. */
export function toCountMap(record: Record<string, number>): Map<string, number> {
  const map = new Map<string, number>();
  for (const key of Object.keys(record)) map.set(key, record[key]);
  return map;
}

function sumValues(map: Map<string, number>): number {
  let sum = 0;
  for (const v of map.values()) sum += v;
  return sum;
}

/**
 * Largest |a_k/scaleA − b_k/scaleB| over the union of labels (a missing label counts as 0).
 * Tie-break as TFDV's GetLInftyNorm: it walks keys in byte order and replaces on `>=`,
 * so among equal maxima the byte-wise last label wins; NaN differences never win.
 */
function maxScaledDifference(
  a: Map<string, number>,
  b: Map<string, number>,
  scaleA: number,
  scaleB: number,
): LabelDifference {
  let best = 0;
  let label: string | null = null;
  const consider = (key: string, diff: number): void => {
    const v = Math.abs(diff);
    if (v > best || (v === best && (label === null || compareUtf8(key, label) > 0))) {
      best = v;
      label = key;
    }
  };
  for (const [key, count] of a) consider(key, count / scaleA - (b.get(key) ?? 0) / scaleB);
  for (const [key, count] of b) if (!a.has(key)) consider(key, 0 - count / scaleB);
  return { value: best, label };
}

/** L-infinity distance between the two maps normalised separately (TFDV kSeparateTotal). */
export function lInfinityOfMaps(a: Map<string, number>, b: Map<string, number>): LabelDifference {
  // map_util.cc Normalize: a map summing to 0 is used unnormalised.
  const sa = sumValues(a);
  const sb = sumValues(b);
  return maxScaledDifference(a, b, sa === 0 ? 1 : sa, sb === 0 ? 1 : sb);
}

/** Normalised absolute difference: both maps scaled by the combined total (TFDV kCombinedTotal). */
export function normalizedAbsDifferenceOfMaps(
  a: Map<string, number>,
  b: Map<string, number>,
): LabelDifference {
  // map_util.cc ScaleBy returns the input unchanged when the scale is 0.
  const s = sumValues(a) + sumValues(b);
  const scale = s === 0 ? 1 : s;
  return maxScaledDifference(a, b, scale, scale);
}

/** TFDV's categorical Jensen-Shannon divergence (base 2, capped at 1) of two count maps. */
export function jensenShannonOfMaps(a: Map<string, number>, b: Map<string, number>): number {
  // metrics.cc JensenShannonDivergence(map, map): empty maps and non-positive counts are errors.
  if (a.size === 0 || b.size === 0) throw new DriftInputError("Input maps must not be empty.");
  let sumA = 0;
  let sumB = 0;
  for (const v of a.values()) {
    if (!(v > 0)) throw new DriftInputError("Sample count is a non-positive value.");
    sumA += v;
  }
  for (const v of b.values()) {
    if (!(v > 0)) throw new DriftInputError("Sample count is a non-positive value.");
    sumB += v;
  }
  let kl = 0;
  const term = (countA: number, countB: number): void => {
    const p = countA / sumA;
    const q = countB / sumB;
    const m = (p + q) / 2;
    // The side whose count is 0 contributes no term (0·log 0 = 0).
    if (countA !== 0) kl += p * Math.log2(p / m);
    if (countB !== 0) kl += q * Math.log2(q / m);
  };
  for (const [key, countA] of a) term(countA, b.get(key) ?? 0);
  for (const [key, countB] of b) if (!a.has(key)) term(0, countB);
  return Math.min(kl / 2, 1);
}

/** Aligned shares of two count maps over the union of labels (baseline first). */
export function alignedShares(
  a: Map<string, number>,
  b: Map<string, number>,
): { labels: string[]; p: number[]; q: number[] } {
  const sa = sumValues(a);
  const sb = sumValues(b);
  if (!(sa > 0) || !(sb > 0)) throw new DriftInputError("Unable to normalize an empty distribution");
  const labels: string[] = [];
  const p: number[] = [];
  const q: number[] = [];
  for (const [key, count] of a) {
    labels.push(key);
    p.push(count / sa);
    q.push((b.get(key) ?? 0) / sb);
  }
  for (const [key, count] of b) {
    if (a.has(key)) continue;
    labels.push(key);
    p.push(0);
    q.push(count / sb);
  }
  return { labels, p, q };
}
