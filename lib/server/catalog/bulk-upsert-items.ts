import "server-only";
import type { CatalogItemInput } from "../../schemas/review";
import type { Tx } from "../db";
import { separatedList } from "./pg-arrays";

export type ItemUpsertCounts = { received: number; created: number; updated: number; unchanged: number };

/**
 * Upserts catalogue items by URI in one statement (unnest of one array per column). A row whose
 * fields did not change is left alone, so re-sending the catalogue with every batch costs no writes.
 */
export async function bulkUpsertItems(tx: Tx, items: readonly CatalogItemInput[], now: Date): Promise<ItemUpsertCounts> {
  if (items.length === 0) return { received: 0, created: 0, updated: 0, unchanged: 0 };
  const uris: string[] = [];
  const types: string[] = [];
  const titles: string[] = [];
  const creators: string[] = [];
  const images: (string | null)[] = [];
  const genres: string[] = [];
  for (const item of items) {
    uris.push(item.uri);
    types.push(item.type);
    titles.push(item.title);
    creators.push(item.creator);
    images.push(item.imageUrl);
    genres.push(separatedList(item.genres));
  }
  // xmax = 0 only for a freshly inserted row: tells created from updated, counted in the database so
  // that a batch of 100,000 items does not send 100,000 rows back.
  const [counts] = await tx.$queryRaw<{ created: number; touched: number }[]>`
    WITH up AS (
      INSERT INTO "Item" ("uri", "type", "title", "creator", "imageUrl", "genres", "updatedAt")
      SELECT u, t::"ItemType", ti, c, im, (string_to_array(g, chr(31)))[2:], ${now}
      FROM unnest(${uris}::text[], ${types}::text[], ${titles}::text[], ${creators}::text[], ${images}::text[], ${genres}::text[]) AS x(u, t, ti, c, im, g)
      ON CONFLICT ("uri") DO UPDATE SET
        "type" = EXCLUDED."type", "title" = EXCLUDED."title", "creator" = EXCLUDED."creator",
        "imageUrl" = EXCLUDED."imageUrl", "genres" = EXCLUDED."genres", "updatedAt" = EXCLUDED."updatedAt"
      WHERE ("Item"."type", "Item"."title", "Item"."creator", "Item"."imageUrl", "Item"."genres")
        IS DISTINCT FROM (EXCLUDED."type", EXCLUDED."title", EXCLUDED."creator", EXCLUDED."imageUrl", EXCLUDED."genres")
      RETURNING (xmax = 0) AS inserted
    )
    SELECT (count(*) FILTER (WHERE inserted))::int AS created, count(*)::int AS touched FROM up`;
  const created = counts?.created ?? 0;
  const touched = counts?.touched ?? 0;
  return { received: items.length, created, updated: touched - created, unchanged: items.length - touched };
}

/** Item ids by URI for the given URIs (those not in the catalogue are simply absent). */
export async function itemIdsByUri(tx: Tx, uris: readonly string[]): Promise<Map<string, number>> {
  if (uris.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: number; uri: string }[]>`SELECT "id", "uri" FROM "Item" WHERE "uri" = ANY(${uris}::text[])`;
  return new Map(rows.map((r) => [r.uri, r.id]));
}
