import "server-only";
import { stampedCache } from "./stamped-cache";

/**
 * A model as its revision stands: Model.revision changes, by triggers, with every write to what the
 * model's pages show (registry rows, validation reports, reviews and samples, reviewers' names, items).
 */
export type ModelRevision = { id: number; revision: string };

/**
 * Data derived from those rows, kept in this process while the model's revision stands.
 * The revision comes with the model's look-up that every request makes anyway, so a hit costs no query,
 * and a write anywhere (any process, any path: the triggers see them all) shows at the next read.
 */
export function revisionCache<T>(limit: number) {
  const cached = stampedCache<T>(limit);
  return (model: ModelRevision, key: readonly unknown[], compute: () => Promise<T>): Promise<T> =>
    cached(JSON.stringify([model.id, ...key]), model.revision, compute);
}
