// The review queue over a listener panel: which listeners it holds (filters), in which order (panel
// order or largest change first), and where one listener sits in it. Pure: the data layer feeds it
// the panel's comparison rows and the listeners already reviewed.

export type QueueSort = "panel" | "change";

export interface QueueRow {
  listenerId: number;
  externalId: string;
  isNew: boolean;
  country: string;
  /** RBO of candidate against baseline; null when the listener has no baseline list. */
  rbo: number | null;
}

export interface QueueFilters {
  newOnly: boolean;
  country: string | null;
  sort: QueueSort;
  /** Listeners to leave out (those the reviewer has already reviewed), when that filter is on. */
  exclude: ReadonlySet<number> | null;
}

export interface QueuePosition {
  /** 1-based place of the listener among the queue, or null when it does not match the filters. */
  position: number | null;
  total: number;
  prev: string | null;
  next: string | null;
}

const byExternalId = (a: QueueRow, b: QueueRow) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);

/** Panel order (by listener id), or largest change first: lowest RBO, listeners without a baseline last. */
export function sortQueue<T extends QueueRow>(rows: readonly T[], sort: QueueSort): T[] {
  const sorted = [...rows];
  if (sort === "panel") return sorted.sort(byExternalId);
  return sorted.sort((a, b) => {
    if (a.rbo === null || b.rbo === null) return a.rbo === b.rbo ? byExternalId(a, b) : a.rbo === null ? 1 : -1;
    return a.rbo - b.rbo || byExternalId(a, b);
  });
}

/** Whether a row passes the filters (the sort plays no part). */
export function matchesFilters(row: QueueRow, filters: QueueFilters): boolean {
  if (filters.newOnly && !row.isNew) return false;
  if (filters.country && row.country !== filters.country) return false;
  if (filters.exclude?.has(row.listenerId)) return false;
  return true;
}

/**
 * Where `externalId` sits in the sorted rows, counting only rows that match: the nearest matching
 * listeners before and after it, its place and the queue's length. A listener that does not match
 * (say, just reviewed with "not yet reviewed by me" on) keeps its neighbours, so moving on still works.
 */
export function locate(sorted: readonly QueueRow[], filters: QueueFilters, externalId: string): QueuePosition {
  let total = 0;
  let before = 0;
  let index = -1;
  let prev: string | null = null;
  let next: string | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    const matches = matchesFilters(row, filters);
    if (row.externalId === externalId) {
      index = i;
      if (matches) total += 1;
      continue;
    }
    if (!matches) continue;
    total += 1;
    if (index < 0) {
      before += 1;
      prev = row.externalId;
    } else if (next === null) next = row.externalId;
  }
  if (index < 0) return { position: null, total, prev: null, next: firstMatching(sorted, filters) };
  return { position: matchesFilters(sorted[index]!, filters) ? before + 1 : null, total, prev, next };
}

/** The first listener of the queue, or null when nothing matches. */
export function firstMatching(sorted: readonly QueueRow[], filters: QueueFilters): string | null {
  return sorted.find((row) => matchesFilters(row, filters))?.externalId ?? null;
}
