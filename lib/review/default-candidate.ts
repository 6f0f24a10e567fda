// Which candidate the review queue opens when the URL names none. Pure.

export type ReviewModelOption = {
  model: string;
  shelfSlug: string;
  shelfTitle: string;
  production: number | null;
  pendingPromotion: number | null;
  /** Versions that have samples, newest first (the recent ones only). */
  versions: number[];
};

export type ReviewTargetsDto = { models: ReviewModelOption[] };

/**
 * The version with a pending promotion (first shelf that has one), else the newest sampled version
 * above production, else the newest sampled version; limited to one model when it is given.
 */
export function defaultCandidate(targets: ReviewTargetsDto, model?: string): { model: string; version: number } | null {
  const options = model ? targets.models.filter((m) => m.model === model) : targets.models;
  const pending = options.find((m) => m.pendingPromotion !== null && m.versions.includes(m.pendingPromotion));
  if (pending) return { model: pending.model, version: pending.pendingPromotion! };
  const ahead = options.find((m) => m.versions[0] !== undefined && (m.production === null || m.versions[0] > m.production));
  if (ahead) return { model: ahead.model, version: ahead.versions[0]! };
  const any = options.find((m) => m.versions.length > 0);
  return any ? { model: any.model, version: any.versions[0]! } : null;
}
