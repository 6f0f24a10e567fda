// Marks what changed between the candidate's and the baseline's list for one listener, item by item,
// and sums it up: the view a reviewer reads. Pure: built on the comparison functions of compare.ts.

import { diffRankings, overlapAtK, rankBiasedOverlap, repeatsOfRecentListens, type TypeShare } from "./compare";

export type Change =
  | { kind: "new" }
  | { kind: "moved"; from: number; by: number }
  | { kind: "same" }
  | { kind: "dropped" }
  | { kind: "kept"; to: number };

export interface ListItem {
  uri: string;
  type: string;
  creator: string;
}

export type Annotated<T> = T & { rank: number; change: Change; recent: boolean };

export interface ListComparison {
  rbo: number;
  overlapAt10: number;
  added: number;
  dropped: number;
  movedUp: number;
  movedDown: number;
  unchanged: number;
  typeMix: TypeShare[];
  repeats: { candidate: number; baseline: number };
}

export interface AnnotatedLists<T> {
  candidate: Annotated<T>[];
  baseline: Annotated<T>[] | null;
  comparison: ListComparison | null;
}

const asRanked = <T extends ListItem>(item: T) => ({ ...item, id: item.uri });

/**
 * Each candidate item marked new, moved (by how many places) or same; each baseline item marked
 * dropped or kept (with its new rank); items the listener played recently flagged; and the totals,
 * RBO (p = 0.9) and overlap@10. Without a baseline list, every candidate item is new.
 */
export function annotateLists<T extends ListItem>(candidate: readonly T[], baseline: readonly T[] | null, recentUris: readonly string[]): AnnotatedLists<T> {
  const recent = new Set(recentUris);
  if (baseline === null) {
    return { candidate: candidate.map((item, i) => ({ ...item, rank: i + 1, change: { kind: "new" }, recent: recent.has(item.uri) })), baseline: null, comparison: null };
  }
  const candRank = new Map<string, number>();
  candidate.forEach((item, i) => {
    if (!candRank.has(item.uri)) candRank.set(item.uri, i + 1);
  });
  const baseRank = new Map<string, number>();
  baseline.forEach((item, i) => {
    if (!baseRank.has(item.uri)) baseRank.set(item.uri, i + 1);
  });
  const diff = diffRankings(candidate.map(asRanked), baseline.map(asRanked));
  const candIds = candidate.map((i) => i.uri);
  const baseIds = baseline.map((i) => i.uri);
  return {
    candidate: candidate.map((item, i) => {
      const from = baseRank.get(item.uri);
      const change: Change = from === undefined ? { kind: "new" } : from === i + 1 ? { kind: "same" } : { kind: "moved", from, by: from - (i + 1) };
      return { ...item, rank: i + 1, change, recent: recent.has(item.uri) };
    }),
    baseline: baseline.map((item, i) => {
      const to = candRank.get(item.uri);
      return { ...item, rank: i + 1, change: to === undefined ? { kind: "dropped" } : { kind: "kept", to }, recent: recent.has(item.uri) };
    }),
    comparison: {
      rbo: rankBiasedOverlap(candIds, baseIds),
      overlapAt10: overlapAtK(candIds, baseIds, 10),
      added: diff.added.length,
      dropped: diff.dropped.length,
      movedUp: diff.moved.filter((m) => m.change > 0).length,
      movedDown: diff.moved.filter((m) => m.change < 0).length,
      unchanged: diff.unchanged.length,
      typeMix: diff.typeMix,
      repeats: {
        candidate: repeatsOfRecentListens(candidate.map(asRanked), recentUris).length,
        baseline: repeatsOfRecentListens(baseline.map(asRanked), recentUris).length,
      },
    },
  };
}
