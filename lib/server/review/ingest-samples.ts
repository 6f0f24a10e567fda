import "server-only";
import { ingestSamplesSchema, versionRefSchema, type IngestSamplesData, type VersionRefInput } from "../../schemas/review";
import { appendAudit } from "../audit";
import { bulkUpsertItems, itemIdsByUri } from "../catalog/bulk-upsert-items";
import { numberArrayLiteral, separatedList } from "../catalog/pg-arrays";
import { requireRole, type Ctx } from "../context";
import { db, type Tx } from "../db";
import { AppError, parseInput, type FieldError } from "../errors";
import { bulkUpsertListeners, listenerIdsByExternalId, type ListenerContext } from "./bulk-upsert-listeners";
import { findVersionByModel } from "./find-version";

export type IngestSamplesResult = {
  model: string;
  version: number;
  sampledAt: string;
  listeners: number;
  items: number;
  listenersUpdated: number;
  catalog: { received: number; created: number; updated: number; unchanged: number };
};

// A response naming a quarter of a million bad URIs helps nobody: the first ones show the pattern.
const MAX_FIELD_ERRORS = 100;

/**
 * Stores the ranked lists one version produced for a listener panel: catalogue items and listener
 * context first (upserted), then one RecommendationSample per listener with item ids, scores and
 * reasons in rank order. All or nothing: an unknown item or listener rejects the whole request.
 */
export async function ingestSamples({ ctx, input }: { ctx: Ctx; input: VersionRefInput & { body: unknown } }): Promise<IngestSamplesResult> {
  requireRole(ctx, "ingest");
  const ref = parseInput(versionRefSchema, { model: input.model, version: input.version });
  const data = parseInput(ingestSamplesSchema, input.body);
  const target = await findVersionByModel(db(), ref.model, ref.version);
  const sampledAt = data.sampledAt ? new Date(data.sampledAt) : ctx.now;

  return db().$transaction(
    async (tx) => {
      const catalog = await bulkUpsertItems(tx, data.catalog, ctx.now);
      const contexts = data.samples.flatMap((s) => (typeof s.listener === "string" ? [] : [s.listener as ListenerContext]));
      const listenersUpdated = await bulkUpsertListeners(tx, contexts, ctx.now);
      const { listenerIds, itemIds } = await resolveReferences(tx, data);
      const items = await writeSamples(tx, target.versionId, sampledAt, data, listenerIds, itemIds);
      const result: IngestSamplesResult = {
        model: target.modelName,
        version: target.version,
        sampledAt: sampledAt.toISOString(),
        listeners: data.samples.length,
        items,
        listenersUpdated,
        catalog,
      };
      await appendAudit(tx, ctx, { action: "samples.ingested", subjectType: "model_version", subjectId: target.versionId, shelfId: target.shelfId, after: result });
      return result;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

const listenerIdOf = (s: IngestSamplesData["samples"][number]) => (typeof s.listener === "string" ? s.listener : s.listener.id);

/** Looks up every listener and item the samples name; INVALID_REQUEST with the fields at fault when some are unknown. */
async function resolveReferences(tx: Tx, data: IngestSamplesData) {
  const uris = new Set<string>();
  for (const s of data.samples) for (const item of s.items) uris.add(item.uri);
  // One connection per transaction: the two look-ups run one after the other.
  const listenerIds = await listenerIdsByExternalId(tx, data.samples.map(listenerIdOf));
  const itemIds = await itemIdsByUri(tx, [...uris]);

  const fields: FieldError[] = [];
  let unknownItems = 0;
  let unknownListeners = 0;
  data.samples.forEach((s, i) => {
    if (!listenerIds.has(listenerIdOf(s))) {
      unknownListeners += 1;
      if (fields.length < MAX_FIELD_ERRORS) fields.push({ path: `samples.${i}.listener`, message: `unknown listener "${listenerIdOf(s)}": send it once with its context ({ id, isNew, country, topGenres, recentListens })` });
    }
    s.items.forEach((item, j) => {
      if (itemIds.has(item.uri)) return;
      unknownItems += 1;
      if (fields.length < MAX_FIELD_ERRORS) fields.push({ path: `samples.${i}.items.${j}.uri`, message: `unknown item "${item.uri}": add it to the catalogue or to this request's catalog` });
    });
  });
  if (fields.length > 0) {
    const parts = [unknownItems ? `${unknownItems} item reference(s)` : "", unknownListeners ? `${unknownListeners} listener(s)` : ""].filter(Boolean);
    const more = unknownItems + unknownListeners > fields.length ? ` (the first ${fields.length} are listed)` : "";
    throw new AppError("INVALID_REQUEST", `Nothing was stored: ${parts.join(" and ")} are unknown${more}.`, fields);
  }
  return { listenerIds, itemIds };
}

/** Upserts one sample row per listener, arrays in rank order, in a single statement; returns the item count. */
async function writeSamples(tx: Tx, versionId: number, sampledAt: Date, data: IngestSamplesData, listenerIds: Map<string, number>, itemIds: Map<string, number>): Promise<number> {
  const listeners: number[] = [];
  const items: string[] = [];
  const scores: string[] = [];
  const reasons: string[] = [];
  let count = 0;
  for (const s of data.samples) {
    // Ranks were checked to be a permutation of 1..n, so placing each item at rank − 1 orders the list.
    const ordered = new Array<(typeof s.items)[number]>(s.items.length);
    for (const item of s.items) ordered[item.rank - 1] = item;
    listeners.push(listenerIds.get(listenerIdOf(s))!);
    items.push(numberArrayLiteral(ordered.map((i) => itemIds.get(i.uri)!)));
    scores.push(numberArrayLiteral(ordered.map((i) => i.score)));
    reasons.push(separatedList(ordered.map((i) => i.reason)));
    count += ordered.length;
  }
  await tx.$executeRaw`
    INSERT INTO "RecommendationSample" ("versionId", "listenerId", "sampledAt", "itemIds", "scores", "reasons")
    SELECT ${versionId}, l, ${sampledAt}, i::integer[], s::double precision[], (string_to_array(r, chr(31)))[2:]
    FROM unnest(${listeners}::integer[], ${items}::text[], ${scores}::text[], ${reasons}::text[]) AS x(l, i, s, r)
    ON CONFLICT ("versionId", "listenerId") DO UPDATE SET
      "sampledAt" = EXCLUDED."sampledAt", "itemIds" = EXCLUDED."itemIds", "scores" = EXCLUDED."scores", "reasons" = EXCLUDED."reasons"`;
  return count;
}
