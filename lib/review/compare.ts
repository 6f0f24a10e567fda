// Comparison of two ranked recommendation lists for one listener (candidate against production),
// and the per-version aggregates of those comparisons over the sampled listener panel.
// Pure functions: no database, no framework.

/** The fields of a recommended item this module needs; extra fields are carried through. */
export interface RankedItem {
  id: string;
  type: string;
  creator?: string | null;
}

/** Keeps the first occurrence of each key: a repeated item holds only its best rank. */
function firstOccurrences<T>(list: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const byId = (id: string) => id;

/** Extrapolated rank-biased overlap (Webber, Moffat & Zobel 2010, RBO_ext, eq. 32) of two rankings, in [0, 1]. */
export function rankBiasedOverlap(a: readonly string[], b: readonly string[], p = 0.9): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`persistence p must be in (0, 1), got ${p}`);
  const x = firstOccurrences(a, byId);
  const y = firstOccurrences(b, byId);
  if (x.length === 0 && y.length === 0) return 1;
  if (x.length === 0 || y.length === 0) return 0;

  // Eq. 32 names the shorter ranking S (length s) and the longer L (length l). It extrapolates by
  // assuming the agreement seen at depth s continues, so a shorter list that is a prefix of the
  // longer one scores 1. For s = l it reduces to the even-length form (eq. 30).
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const s = short.length;
  const l = long.length;
  const seenShort = new Set<string>();
  const seenLong = new Set<string>();
  let overlap = 0; // X_d: |S[:min(d, s)] ∩ L[:d]|
  let overlapAtS = 0; // X_s
  let agreementSum = 0; // Σ_{d=1..l} (X_d / d) p^d
  let tailSum = 0; // Σ_{d=s+1..l} X_s (d − s) / (s d) p^d
  let pd = 1;
  for (let d = 1; d <= l; d++) {
    pd *= p;
    const fromLong = long[d - 1]!;
    seenLong.add(fromLong);
    if (d <= s) {
      const fromShort = short[d - 1]!;
      seenShort.add(fromShort);
      if (fromShort === fromLong) overlap += 1;
      else overlap += (seenLong.has(fromShort) ? 1 : 0) + (seenShort.has(fromLong) ? 1 : 0);
      if (d === s) overlapAtS = overlap;
    } else {
      if (seenShort.has(fromLong)) overlap += 1;
      tailSum += ((overlapAtS * (d - s)) / (s * d)) * pd;
    }
    agreementSum += (overlap / d) * pd;
  }
  const rbo = ((1 - p) / p) * (agreementSum + tailSum) + ((overlap - overlapAtS) / l + overlapAtS / s) * pd;
  // Rounding can leave identical lists at 1 ± 1e-16; the measure itself is bounded by [0, 1].
  return Math.min(1, Math.max(0, rbo));
}

/** Jaccard similarity of the two top-k sets (|A ∩ B| / |A ∪ B|); two empty lists are identical (1). */
export function overlapAtK(a: readonly string[], b: readonly string[], k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const top = (list: readonly string[]) => new Set(firstOccurrences(list, byId).slice(0, k));
  const x = top(a);
  const y = top(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const id of x) if (y.has(id)) shared += 1;
  return shared / (x.size + y.size - shared);
}

export interface RankedEntry<T> {
  item: T;
  rank: number; // 1-based
}
export interface MovedEntry<T> {
  item: T;
  fromRank: number; // in the baseline
  toRank: number; // in the candidate
  change: number; // fromRank − toRank: positive means the candidate ranks it higher
}
export interface TypeShare {
  type: string;
  candidateShare: number;
  baselineShare: number;
  delta: number; // candidateShare − baselineShare
}
export interface RankingDiff<T> {
  added: RankedEntry<T>[];
  dropped: RankedEntry<T>[];
  moved: MovedEntry<T>[];
  unchanged: RankedEntry<T>[];
  typeMix: TypeShare[];
}

function typeShares(list: readonly RankedItem[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const item of list) shares.set(item.type, (shares.get(item.type) ?? 0) + 1 / list.length);
  return shares;
}

/** What the candidate's list changes against the baseline's for one listener: added, dropped, moved, unchanged, type mix. */
export function diffRankings<T extends RankedItem>(candidate: readonly T[], baseline: readonly T[]): RankingDiff<T> {
  const cand = firstOccurrences(candidate, (i) => i.id);
  const base = firstOccurrences(baseline, (i) => i.id);
  const baseRank = new Map(base.map((item, i) => [item.id, i + 1]));
  const candIds = new Set(cand.map((item) => item.id));
  const diff: RankingDiff<T> = { added: [], dropped: [], moved: [], unchanged: [], typeMix: [] };

  cand.forEach((item, i) => {
    const toRank = i + 1;
    const fromRank = baseRank.get(item.id);
    if (fromRank === undefined) diff.added.push({ item, rank: toRank });
    else if (fromRank === toRank) diff.unchanged.push({ item, rank: toRank });
    else diff.moved.push({ item, fromRank, toRank, change: fromRank - toRank });
  });
  base.forEach((item, i) => {
    if (!candIds.has(item.id)) diff.dropped.push({ item, rank: i + 1 });
  });

  const candShares = typeShares(cand);
  const baseShares = typeShares(base);
  for (const type of new Set([...candShares.keys(), ...baseShares.keys()])) {
    const candidateShare = candShares.get(type) ?? 0;
    const baselineShare = baseShares.get(type) ?? 0;
    diff.typeMix.push({ type, candidateShare, baselineShare, delta: candidateShare - baselineShare });
  }
  // Largest shifts first, so a reviewer sees the change in mix that matters without scanning.
  diff.typeMix.sort((u, v) => Math.abs(v.delta) - Math.abs(u.delta) || u.type.localeCompare(v.type));
  return diff;
}

/** Items of a list the listener has recently played, with their rank: what a reviewer flags as "repeated". */
export function repeatsOfRecentListens<T extends RankedItem>(list: readonly T[], recentIds: Iterable<string>): RankedEntry<T>[] {
  const recent = new Set(recentIds);
  return firstOccurrences(list, (i) => i.id)
    .map((item, i) => ({ item, rank: i + 1 }))
    .filter((entry) => recent.has(entry.item.id));
}

export interface Distribution {
  count: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  histogram: { from: number; to: number; count: number }[]; // equal-width buckets over [0, 1]
}

/** Summary of values in [0, 1] with an equal-width histogram; null when there are none. */
export function describeUnitValues(values: readonly number[], buckets = 10): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((u, v) => u - v);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const histogram = Array.from({ length: buckets }, (_, i) => ({ from: i / buckets, to: (i + 1) / buckets, count: 0 }));
  // The last bucket is closed on the right so that a score of exactly 1 (identical lists) is counted.
  for (const v of sorted) histogram[Math.min(buckets - 1, Math.max(0, Math.floor(v * buckets)))]!.count += 1;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { count: sorted.length, mean, median, min: sorted[0]!, max: sorted[sorted.length - 1]!, histogram };
}

/**
 * Gini–Simpson index 1 − Σ shareᵢ² of the categories in one list: the chance that two slots drawn at
 * random (with replacement) differ. Chosen over entropy because it reads as a probability and does
 * not depend on how many categories exist in the catalogue. Null when the list has no category.
 */
function giniSimpson(categories: readonly string[]): number | null {
  if (categories.length === 0) return null;
  const counts = new Map<string, number>();
  for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  let sumSquares = 0;
  for (const n of counts.values()) sumSquares += (n / categories.length) ** 2;
  return 1 - sumSquares;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

export interface ListsSummary {
  coverage: { distinctItems: number; catalogueSize: number; share: number };
  // Mean over listeners of the per-list Gini–Simpson index; creators count only items that have one.
  diversity: { byType: number | null; byCreator: number | null };
}

function summarizeLists(lists: readonly (readonly RankedItem[])[], catalogueSize: number): ListsSummary {
  const distinct = new Set(lists.flatMap((list) => list.map((item) => item.id)));
  const deduped = lists.map((list) => firstOccurrences(list, (i) => i.id));
  const byType = deduped.map((list) => giniSimpson(list.map((i) => i.type))).filter((v) => v !== null);
  const byCreator = deduped
    .map((list) => giniSimpson(list.flatMap((i) => (i.creator ? [i.creator] : []))))
    .filter((v) => v !== null);
  return {
    coverage: {
      distinctItems: distinct.size,
      catalogueSize,
      share: catalogueSize > 0 ? Math.min(1, distinct.size / catalogueSize) : 0,
    },
    diversity: { byType: mean(byType), byCreator: mean(byCreator) },
  };
}

export interface PanelSample<T extends RankedItem = RankedItem> {
  listenerId: string;
  candidate: readonly T[];
  baseline: readonly T[] | null; // production's list for the same listener, when it has one
}
export interface PanelOptions {
  catalogueSize: number;
  p?: number; // RBO persistence, 0.9 by default
  k?: number; // depth of the overlap, 10 by default
  buckets?: number; // histogram buckets, 10 by default
}
export interface PanelSummary {
  listeners: number;
  compared: number; // listeners that also have a baseline list
  rbo: Distribution | null;
  overlapAtK: Distribution | null;
  k: number;
  candidate: ListsSummary;
  baseline: ListsSummary | null;
}

/** Aggregates of one version over the listener panel: RBO and overlap@k distributions, coverage, diversity. */
export function summarizePanel<T extends RankedItem>(samples: readonly PanelSample<T>[], options: PanelOptions): PanelSummary {
  const { catalogueSize, p = 0.9, k = 10, buckets = 10 } = options;
  const paired = samples.filter((s): s is PanelSample<T> & { baseline: readonly T[] } => s.baseline !== null);
  const ids = (list: readonly T[]) => list.map((item) => item.id);
  return {
    listeners: samples.length,
    compared: paired.length,
    rbo: describeUnitValues(paired.map((s) => rankBiasedOverlap(ids(s.candidate), ids(s.baseline), p)), buckets),
    overlapAtK: describeUnitValues(paired.map((s) => overlapAtK(ids(s.candidate), ids(s.baseline), k)), buckets),
    k,
    candidate: summarizeLists(samples.map((s) => s.candidate), catalogueSize),
    baseline: paired.length > 0 ? summarizeLists(paired.map((s) => s.baseline), catalogueSize) : null,
  };
}
