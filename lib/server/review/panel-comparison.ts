import "server-only";
import { overlapAtK, rankBiasedOverlap } from "../../review/compare";
import { sortQueue, type QueueRow, type QueueSort } from "../../review/queue";
import { db } from "../db";
import { stampCache } from "./stamp-cache";

export type PanelRow = QueueRow & { overlap: number | null; added: number; dropped: number };
export type PanelComparison = {
  rows: PanelRow[];
  /** The rows in each queue order, sorted once here rather than on every request. */
  sorted: Record<QueueSort, PanelRow[]>;
  countries: string[];
};

// Moving to the next listener needs the whole panel's comparison (RBO for 5,000 listeners × 2 lists of
// 50, to order by change and to find neighbours): tens of milliseconds that every request would repeat.
// It only changes when samples or listeners are written, which the app does in ingestSamples, always
// with a "samples.ingested" audit event; so it is memoized per process under the newest such event.
// Rows written outside the app (the demo seed, before start) are covered by the entries' short life.
const cache = stampCache<PanelComparison>(16, 2 * 60_000);

/** A value that changes whenever the app ingests samples (and with them listeners). */
export async function samplesStamp(): Promise<string> {
  const [row] = await db().$queryRaw<{ id: number | null }[]>`SELECT max("id") AS id FROM "AuditEvent" WHERE "action" = 'samples.ingested'`;
  return String(row?.id ?? 0);
}

async function compute(candidateId: number, baselineId: number | null): Promise<PanelComparison> {
  const rows = await db().$queryRaw<{ listenerId: number; externalId: string; isNew: boolean; country: string; cand: number[]; base: number[] | null }[]>`
    SELECT c."listenerId", l."externalId", l."isNew", l."country", c."itemIds" AS cand, b."itemIds" AS base
    FROM "RecommendationSample" c
    JOIN "Listener" l ON l."id" = c."listenerId"
    LEFT JOIN "RecommendationSample" b ON b."listenerId" = c."listenerId" AND b."versionId" = ${baselineId ?? -1}
    WHERE c."versionId" = ${candidateId}`;
  const countries = new Set<string>();
  const out = rows.map((r): PanelRow => {
    if (r.country) countries.add(r.country);
    const cand = r.cand.map(String);
    const base = r.base?.map(String) ?? null;
    let added = cand.length;
    let dropped = 0;
    if (base) {
      const inBase = new Set(base);
      const inCand = new Set(cand);
      added = cand.filter((id) => !inBase.has(id)).length;
      dropped = base.filter((id) => !inCand.has(id)).length;
    }
    return {
      listenerId: r.listenerId,
      externalId: r.externalId,
      isNew: r.isNew,
      country: r.country,
      rbo: base ? rankBiasedOverlap(cand, base) : null,
      overlap: base ? overlapAtK(cand, base, 10) : null,
      added,
      dropped,
    };
  });
  return { rows: out, sorted: { panel: sortQueue(out, "panel"), change: sortQueue(out, "change") }, countries: [...countries].sort() };
}

/** Every listener of the candidate's panel with RBO, overlap@10, added and dropped against the baseline. */
export async function loadPanelComparison(candidateId: number, baselineId: number | null): Promise<PanelComparison> {
  return cache(`${candidateId}:${baselineId ?? "-"}`, await samplesStamp(), () => compute(candidateId, baselineId));
}
