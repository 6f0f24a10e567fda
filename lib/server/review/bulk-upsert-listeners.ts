import "server-only";
import type { Tx } from "../db";
import { separatedList } from "../catalog/pg-arrays";

export type ListenerContext = { id: string; isNew: boolean; country: string; topGenres: string[]; recentListens: string[] };

/** Upserts listeners with their context by external id, in one statement; unchanged rows are not rewritten. */
export async function bulkUpsertListeners(tx: Tx, listeners: readonly ListenerContext[], now: Date): Promise<number> {
  if (listeners.length === 0) return 0;
  const ids: string[] = [];
  const isNew: boolean[] = [];
  const countries: string[] = [];
  const genres: string[] = [];
  const recent: string[] = [];
  for (const l of listeners) {
    ids.push(l.id);
    isNew.push(l.isNew);
    countries.push(l.country);
    genres.push(separatedList(l.topGenres));
    recent.push(separatedList(l.recentListens));
  }
  return tx.$executeRaw`
    INSERT INTO "Listener" ("externalId", "isNew", "country", "topGenres", "recentListens", "updatedAt")
    SELECT e, n, c, (string_to_array(g, chr(31)))[2:], (string_to_array(r, chr(31)))[2:], ${now}
    FROM unnest(${ids}::text[], ${isNew}::boolean[], ${countries}::text[], ${genres}::text[], ${recent}::text[]) AS x(e, n, c, g, r)
    ON CONFLICT ("externalId") DO UPDATE SET
      "isNew" = EXCLUDED."isNew", "country" = EXCLUDED."country", "topGenres" = EXCLUDED."topGenres",
      "recentListens" = EXCLUDED."recentListens", "updatedAt" = EXCLUDED."updatedAt"
    WHERE ("Listener"."isNew", "Listener"."country", "Listener"."topGenres", "Listener"."recentListens")
      IS DISTINCT FROM (EXCLUDED."isNew", EXCLUDED."country", EXCLUDED."topGenres", EXCLUDED."recentListens")`;
}

/** Listener ids by external id (unknown ones are absent). */
export async function listenerIdsByExternalId(tx: Tx, externalIds: readonly string[]): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: number; externalId: string }[]>`
    SELECT "id", "externalId" FROM "Listener" WHERE "externalId" = ANY(${externalIds}::text[])`;
  return new Map(rows.map((r) => [r.externalId, r.id]));
}
