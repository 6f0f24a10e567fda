// Pure comparisons of scores and versions, shared by the data layer and the pages.

export type Direction = "higher_is_better" | "lower_is_better";
export type ScoreVerdict = "better" | "worse" | "same";
export type VersionStatus = "production" | "candidate" | "earlier";

// Scores are floats posted by pipelines: differences below this are rounding, not change.
const SAME_WITHIN = 1e-9;

/**
 * The change from `baseline` to `value` and whether it is an improvement for the metric's direction.
 * A metric the model does not declare has no direction, so its change has no verdict.
 */
export function compareScore(value: number | null, baseline: number | null, direction: Direction | null): { delta: number | null; verdict: ScoreVerdict | null } {
  if (value === null || baseline === null) return { delta: null, verdict: null };
  const delta = value - baseline;
  if (direction === null) return { delta, verdict: null };
  if (Math.abs(delta) <= SAME_WITHIN * Math.max(1, Math.abs(baseline))) return { delta, verdict: "same" };
  const up = delta > 0;
  return { delta, verdict: up === (direction === "higher_is_better") ? "better" : "worse" };
}

/** Whether a score clears an absolute threshold in the metric's direction (null when either is unknown). */
export function meetsThreshold(value: number | null, threshold: number | null, direction: Direction): boolean | null {
  if (value === null || threshold === null) return null;
  return direction === "higher_is_better" ? value >= threshold : value <= threshold;
}

/**
 * A version's place on its shelf: the one the production alias points at; the candidate (the newest
 * version when it is newer than production, or the one a pending promotion asks for); every other one.
 */
export function versionStatus(version: number, shelf: { production: number | null; newest: number | null; pending: number | null }): VersionStatus {
  if (version === shelf.production) return "production";
  if (version === shelf.pending) return "candidate";
  if (version === shelf.newest && (shelf.production === null || version > shelf.production)) return "candidate";
  return "earlier";
}
