import "server-only";
import type { Db, Tx } from "../db";

export type ItemRow = { id: number; uri: string; type: string; title: string; creator: string; imageUrl: string | null; genres: string[] };

/** Catalogue rows by id for the ids given (deduplicated). */
export async function loadItems(client: Db | Tx, ids: readonly number[]): Promise<Map<number, ItemRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await client.item.findMany({
    where: { id: { in: unique } },
    select: { id: true, uri: true, type: true, title: true, creator: true, imageUrl: true, genres: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Catalogue rows by URI (recent listens are stored as URIs); unknown URIs are absent. */
export async function loadItemsByUri(client: Db | Tx, uris: readonly string[]): Promise<Map<string, ItemRow>> {
  const unique = [...new Set(uris)];
  if (unique.length === 0) return new Map();
  const rows = await client.item.findMany({
    where: { uri: { in: unique } },
    select: { id: true, uri: true, type: true, title: true, creator: true, imageUrl: true, genres: true },
  });
  return new Map(rows.map((r) => [r.uri, r]));
}

/** The row of an id, or a stand-in that says the item left the catalogue (samples keep bare ids). */
export function itemOrMissing(items: Map<number, ItemRow>, id: number): ItemRow {
  return items.get(id) ?? { id, uri: `unknown:${id}`, type: "unknown", title: "(item no longer in the catalogue)", creator: "", imageUrl: null, genres: [] };
}
