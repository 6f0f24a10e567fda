import "server-only";
import { summarizePanel, type PanelSummary } from "../../review/compare";
import { db } from "../db";
import { samplesStamp } from "./panel-comparison";
import { stampCache } from "./stamp-cache";

// Coverage and diversity need every item's type and creator across the whole panel of both versions:
// memoized like the queue's comparison, under the same stamp (plus the catalogue's size).
const cache = stampCache<PanelSummary>(8, 2 * 60_000);

async function compute(candidateId: number, baselineId: number | null, catalogueSize: number): Promise<PanelSummary> {
  const samples = await db().$queryRaw<{ listenerId: number; versionId: number; itemIds: number[] }[]>`
    SELECT "listenerId", "versionId", "itemIds" FROM "RecommendationSample" WHERE "versionId" IN (${candidateId}, ${baselineId ?? -1})`;
  const ids = new Set<number>();
  for (const s of samples) for (const id of s.itemIds) ids.add(id);
  const rows = ids.size ? await db().$queryRaw<{ id: number; type: string; creator: string }[]>`
    SELECT "id", "type"::text AS type, "creator" FROM "Item" WHERE "id" = ANY(${[...ids]}::integer[])` : [];
  const items = new Map(rows.map((r) => [r.id, { id: String(r.id), type: r.type, creator: r.creator || null }]));
  const listOf = (itemIds: number[]) => itemIds.map((id) => items.get(id) ?? { id: String(id), type: "unknown", creator: null });
  const byListener = new Map<number, { candidate: ReturnType<typeof listOf> | null; baseline: ReturnType<typeof listOf> | null }>();
  for (const s of samples) {
    const entry = byListener.get(s.listenerId) ?? { candidate: null, baseline: null };
    if (s.versionId === candidateId) entry.candidate = listOf(s.itemIds);
    else entry.baseline = listOf(s.itemIds);
    byListener.set(s.listenerId, entry);
  }
  const panel = [...byListener.entries()].flatMap(([listenerId, e]) => (e.candidate ? [{ listenerId: String(listenerId), candidate: e.candidate, baseline: e.baseline }] : []));
  return summarizePanel(panel, { catalogueSize });
}

/** RBO and overlap@10 distributions over the panel, catalogue coverage and diversity of both versions. */
export async function loadPanelSummary(candidateId: number, baselineId: number | null): Promise<PanelSummary> {
  const [stamp, catalogueSize] = await Promise.all([samplesStamp(), db().item.count()]);
  return cache(`${candidateId}:${baselineId ?? "-"}`, `${stamp}:${catalogueSize}`, () => compute(candidateId, baselineId, catalogueSize));
}
