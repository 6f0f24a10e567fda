// Distances over categorical counts (label → count), ported from TFDV's anomalies/metrics.cc
// and anomalies/map_util.cc. Both sides are first aligned on the union of labels (baseline
// labels in their order, then the target's new ones), once, into plain arrays: a comparison
// of two 1000-label features then costs ~2000 hash operations and no per-entry allocation.
// Totals are summed in input order, not TFDV's sorted-key order: results may differ from
// TFDV's in the last bits.

import { DriftInputError } from "./errors";

export type LabelDifference = { value: number; label: string | null };

export type AlignedCounts = {
  labels: string[];
  a: Float64Array;
  b: Float64Array;
  /** Entries and totals of each side, summed in the side's own order. */
  sizeA: number;
  sizeB: number;
  sumA: number;
  sumB: number;
  /** Smallest count of each side (Infinity when empty). */
  minA: number;
  minB: number;
};

/** Compares two strings in UTF-8 byte order, the order of TFDV's std::map<std::string, …>. */
export function compareUtf8(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let cx = x.charCodeAt(i);
    let cy = y.charCodeAt(i);
    if (cx === cy) continue;
    // UTF-16 unit order equals code point (= UTF-8 byte) order except that surrogates
    // (U+D800–DFFF, i.e. code points above U+FFFF) must sort after U+E000–FFFF.
    if (cx >= 0xd800 && cy >= 0xd800) {
      cx = cx >= 0xe000 ? cx - 0x800 : cx + 0x2000;
      cy = cy >= 0xe000 ? cy - 0x800 : cy + 0x2000;
    }
    return cx - cy;
  }
  return x.length - y.length;
}

export type LabelCount = { value: string; count: number };

/**
 * Aligns two label/count lists. Labels are unique within each side (profiles guarantee it:
 * the TFDV reader keeps the first of repeated labels as TFDV's map insert does, and
 * validation rejects repeats), so each baseline label costs one Map.set and each target
 * label one Map.get: the whole cost of comparing 1000-label features.
 */
export function alignCounts(aEntries: LabelCount[], bEntries: LabelCount[]): AlignedCounts {
  const capacity = aEntries.length + bEntries.length;
  const index = new Map<string, number>();
  const labels: string[] = [];
  const a = new Float64Array(capacity);
  const b = new Float64Array(capacity);
  let sumA = 0;
  let sumB = 0;
  let minA = Infinity;
  let minB = Infinity;
  for (let i = 0; i < aEntries.length; i++) {
    const { value, count } = aEntries[i];
    index.set(value, i);
    a[i] = count;
    labels.push(value);
    sumA += count;
    if (!(count >= minA)) minA = count;
  }
  for (let j = 0; j < bEntries.length; j++) {
    const { value, count } = bEntries[j];
    let at = index.get(value);
    if (at === undefined) {
      at = labels.length;
      labels.push(value);
    }
    b[at] = count;
    sumB += count;
    if (!(count >= minB)) minB = count;
  }
  const n = labels.length;
  const [sizeA, sizeB] = [aEntries.length, bEntries.length];
  return { labels, a: a.subarray(0, n), b: b.subarray(0, n), sizeA, sizeB, sumA, sumB, minA, minB };
}

/** Aligns two count records (own enumerable keys only). */
export function alignRecords(a: Record<string, number>, b: Record<string, number>): AlignedCounts {
  // Object keys are unique, as alignCounts requires.
  const entries = (r: Record<string, number>): LabelCount[] => Object.keys(r).map((value) => ({ value, count: r[value] }));
  return alignCounts(entries(a), entries(b));
}

/**
 * Index of the largest |a_k/scaleA − b_k/scaleB| over the aligned labels (a missing label
 * counts as 0), or −1 when there are none. Tie-break as TFDV's GetLInftyNorm: it walks keys
 * in byte order and replaces on `>=`, so among equal maxima the byte-wise last label wins;
 * NaN differences never win.
 */
function largestDifference(al: AlignedCounts, scaleA: number, scaleB: number): number {
  let best = 0;
  let at = -1;
  for (let i = 0; i < al.labels.length; i++) {
    const v = Math.abs(al.a[i] / scaleA - al.b[i] / scaleB);
    if (v > best || (v === best && (at < 0 || compareUtf8(al.labels[i], al.labels[at]) > 0))) {
      best = v;
      at = i;
    }
  }
  return at;
}

function difference(al: AlignedCounts, scaleA: number, scaleB: number): LabelDifference {
  const at = largestDifference(al, scaleA, scaleB);
  if (at < 0) return { value: 0, label: null };
  return { value: Math.abs(al.a[at] / scaleA - al.b[at] / scaleB), label: al.labels[at] };
}

// map_util.cc Normalize: a side summing to 0 is used unnormalised.
const separateScales = (al: AlignedCounts): [number, number] => [al.sumA === 0 ? 1 : al.sumA, al.sumB === 0 ? 1 : al.sumB];

/** Index of the label TFDV's L-infinity reports (−1 when there is none). */
export function lInfinityIndex(al: AlignedCounts): number {
  return largestDifference(al, ...separateScales(al));
}

/** L-infinity distance of the two sides normalised separately (TFDV kSeparateTotal). */
export function lInfinityOfAligned(al: AlignedCounts): LabelDifference {
  return difference(al, ...separateScales(al));
}

/** Normalised absolute difference: both sides scaled by the combined total (TFDV kCombinedTotal). */
export function normalizedAbsDifferenceOfAligned(al: AlignedCounts): LabelDifference {
  // map_util.cc ScaleBy returns the input unchanged when the scale is 0.
  const s = al.sumA + al.sumB;
  return difference(al, s === 0 ? 1 : s, s === 0 ? 1 : s);
}

/** TFDV's categorical Jensen-Shannon divergence (base 2, capped at 1). */
export function jensenShannonOfAligned(al: AlignedCounts): number {
  // metrics.cc JensenShannonDivergence(map, map): empty maps and non-positive counts are errors.
  if (al.sizeA === 0 || al.sizeB === 0) throw new DriftInputError("Input maps must not be empty.");
  if (!(al.minA > 0) || !(al.minB > 0)) throw new DriftInputError("Sample count is a non-positive value.");
  let kl = 0;
  for (let i = 0; i < al.labels.length; i++) {
    const p = al.a[i] / al.sumA;
    const q = al.b[i] / al.sumB;
    const m = (p + q) / 2;
    // The side whose count is 0 contributes no term (0·log 0 = 0).
    if (al.a[i] !== 0) kl += p * Math.log2(p / m);
    if (al.b[i] !== 0) kl += q * Math.log2(q / m);
  }
  return Math.min(kl / 2, 1);
}

/** Shares of each side over the aligned labels; an empty side is an error. */
export function sharesOfAligned(al: AlignedCounts): { p: number[]; q: number[] } {
  if (!(al.sumA > 0) || !(al.sumB > 0)) throw new DriftInputError("Unable to normalize an empty distribution");
  return { p: Array.from(al.a, (x) => x / al.sumA), q: Array.from(al.b, (x) => x / al.sumB) };
}
