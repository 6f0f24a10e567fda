import "server-only";
import { listenerSamplesInputSchema } from "../../schemas/review";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findVersionByModel } from "./find-version";
import { itemOrMissing, loadItems } from "./load-items";

export type ListenerSamplesDto = {
  model: string;
  version: number;
  listener: { id: string; isNew: boolean; country: string; topGenres: string[]; recentListens: string[] };
  sampledAt: string;
  items: { rank: number; uri: string; type: string; title: string; creator: string; imageUrl: string | null; genres: string[]; score: number; reason: string }[];
};

/** The ranked list one version produced for one listener, with the catalogue fields of each item. */
export async function getListenerSamples({ ctx, input }: { ctx: Ctx; input: { model: string; version: number | string; listener: string } }): Promise<ListenerSamplesDto> {
  requireRole(ctx, "read");
  const ref = parseInput(listenerSamplesInputSchema, input);
  const target = await findVersionByModel(db(), ref.model, ref.version);
  const listener = await db().listener.findUnique({
    where: { externalId: ref.listener },
    select: { id: true, externalId: true, isNew: true, country: true, topGenres: true, recentListens: true },
  });
  const sample = listener
    ? await db().recommendationSample.findUnique({
        where: { versionId_listenerId: { versionId: target.versionId, listenerId: listener.id } },
        select: { sampledAt: true, itemIds: true, scores: true, reasons: true },
      })
    : null;
  if (!listener || !sample) throw new AppError("NOT_FOUND", `Version ${ref.version} of "${ref.model}" has no sample for listener "${ref.listener}".`);
  const items = await loadItems(db(), sample.itemIds);
  return {
    model: target.modelName,
    version: target.version,
    listener: { id: listener.externalId, isNew: listener.isNew, country: listener.country, topGenres: listener.topGenres, recentListens: listener.recentListens },
    sampledAt: sample.sampledAt.toISOString(),
    items: sample.itemIds.map((id, i) => {
      const item = itemOrMissing(items, id);
      return { rank: i + 1, uri: item.uri, type: item.type, title: item.title, creator: item.creator, imageUrl: item.imageUrl, genres: item.genres, score: sample.scores[i] ?? 0, reason: sample.reasons[i] ?? "" };
    }),
  };
}
