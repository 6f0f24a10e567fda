// The review queue's URL: the candidate, the baseline and the filters live in the query string, so a
// queue position can be shared, reloaded and linked to from the version page. Pure.

export type ReviewUrlState = {
  model?: string | null;
  candidate?: number | null;
  baseline?: number | null;
  listener?: string | null;
  newOnly?: boolean;
  country?: string | null;
  sort?: "panel" | "change";
  unreviewed?: boolean;
};

/** `/review?model=…&candidate=…` with only the parameters that differ from their defaults. */
export function reviewHref(state: ReviewUrlState): string {
  const q = new URLSearchParams();
  if (state.model) q.set("model", state.model);
  if (state.candidate) q.set("candidate", String(state.candidate));
  if (state.baseline) q.set("baseline", String(state.baseline));
  if (state.newOnly) q.set("new", "1");
  if (state.country) q.set("country", state.country);
  if (state.sort === "change") q.set("sort", "change");
  if (state.unreviewed) q.set("unreviewed", "1");
  if (state.listener) q.set("listener", state.listener);
  const query = q.toString();
  return query ? `/review?${query}` : "/review";
}
