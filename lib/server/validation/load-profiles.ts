import "server-only";
import { DEFAULT_PROFILE_OPTIONS, PROFILE_FORMAT, type DatasetProfile, type FeatureProfile } from "../../drift/profile";
import type { Db, Tx } from "../db";

// Profiles are stored as one FeatureStatistics row per dataset and one FeatureProfile row per feature,
// whose `stats` is the drift module's feature object whole. Comparing needs no sketch state (the
// larger part of a numeric feature), so it is left in the database unless a merge needs it.

type Client = Db | Tx;

type Options = { withSketches?: boolean; feature?: string };

/** Rebuilds the profiles of some datasets from their rows (features in stored order). */
export async function loadProfiles(client: Client, ids: readonly number[], options: Options = {}): Promise<Map<number, DatasetProfile>> {
  const out = new Map<number, DatasetProfile>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  const stats = await client.featureStatistics.findMany({ where: { id: { in: unique } }, select: { id: true, numExamples: true, datasetKey: true } });
  for (const s of stats) out.set(s.id, { format: PROFILE_FORMAT, name: s.datasetKey, numExamples: s.numExamples, options: { ...DEFAULT_PROFILE_OPTIONS }, features: [] });
  const rows = options.withSketches
    ? await client.$queryRaw<{ statisticsId: number; stats: FeatureProfile }[]>`
        SELECT "statisticsId", stats FROM "FeatureProfile"
        WHERE "statisticsId" = ANY(${unique}::int[]) AND (${options.feature ?? null}::text IS NULL OR name = ${options.feature ?? null}::text)
        ORDER BY "statisticsId", id`
    : await client.$queryRaw<{ statisticsId: number; stats: FeatureProfile }[]>`
        SELECT "statisticsId", stats - 'sketch' - 'distinctSketch' AS stats FROM "FeatureProfile"
        WHERE "statisticsId" = ANY(${unique}::int[]) AND (${options.feature ?? null}::text IS NULL OR name = ${options.feature ?? null}::text)
        ORDER BY "statisticsId", id`;
  for (const row of rows) out.get(row.statisticsId)?.features.push(row.stats);
  return out;
}

/** One profile, or null when the dataset does not exist. */
export async function loadProfile(client: Client, id: number, options: Options = {}): Promise<DatasetProfile | null> {
  return (await loadProfiles(client, [id], options)).get(id) ?? null;
}
