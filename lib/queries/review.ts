import type { QueueFiltersValue } from "../schemas/review";
import type { ReviewListenerView } from "../server/review/review-dto";

// TanStack Query keys and fetchers of the review queue. The page prefetches the first listener on the
// server (calling lib/server directly) and hydrates it; the browser fetches the next ones from the
// route handler that wraps the same function.

export type ReviewQueueKey = { model: string; version: number; filters: QueueFiltersValue };

/** Key factory: everything of the review queue, one queue (candidate, baseline, filters), one listener in it. */
export const reviewKeys = {
  all: ["review"] as const,
  queue: (q: ReviewQueueKey) =>
    [...reviewKeys.all, q.model, q.version, q.filters.baseline ?? null, q.filters.new, q.filters.country ?? null, q.filters.sort, q.filters.unreviewed] as const,
  listener: (q: ReviewQueueKey, listener: string) => [...reviewKeys.queue(q), listener] as const,
};

/** The query string of the filters, as the route handler reads them. */
export function filtersQuery(filters: QueueFiltersValue): string {
  const q = new URLSearchParams();
  if (filters.baseline) q.set("baseline", String(filters.baseline));
  if (filters.new) q.set("new", "1");
  if (filters.country) q.set("country", filters.country);
  if (filters.sort !== "panel") q.set("sort", filters.sort);
  if (filters.unreviewed) q.set("unreviewed", "1");
  return q.toString();
}

/** Fetches one listener of a queue from the API (with the session cookie). */
export async function fetchReviewListener(q: ReviewQueueKey, listener: string, signal?: AbortSignal): Promise<ReviewListenerView> {
  const path = `/api/v1/models/${encodeURIComponent(q.model)}/versions/${q.version}/samples/${encodeURIComponent(listener)}/review`;
  const query = filtersQuery(q.filters);
  const res = await fetch(query ? `${path}?${query}` : path, { signal, headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Loading listener ${listener} failed (${res.status}).`);
  }
  return (await res.json()) as ReviewListenerView;
}
