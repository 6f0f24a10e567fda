import { z } from "zod";
import { rankProblems } from "../review/ranks";

// One schema per input of the review domain: sample and catalogue ingest (API), review submission
// (action), the queue's filters (page search params and the route that prefetches the next listener).

export const ITEM_TYPES = ["podcast", "episode", "playlist", "album", "artist", "track", "audiobook"] as const;
export const VERDICTS = ["better", "same", "worse"] as const;
export const ITEM_FLAGS = ["irrelevant", "repeated", "inappropriate", "stale"] as const;
export type Verdict = (typeof VERDICTS)[number];
export type ItemFlag = (typeof ITEM_FLAGS)[number];
export const ITEM_FLAG_LABELS: Record<ItemFlag, string> = { irrelevant: "Irrelevant", repeated: "Repeated", inappropriate: "Inappropriate", stale: "Stale" };

/** Requests are bounded so that one stays a single transaction of predictable size. */
export const SAMPLE_LIMITS = { listeners: 5_000, itemsPerListener: 100, catalogItems: 100_000 } as const;

// Postgres text cannot hold NUL, and lists of strings travel joined by U+001F (lib/server/catalog/
// pg-arrays.ts): control characters other than tab and line breaks are refused in every string.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (max: number, min = 0) =>
  z.string().trim().min(min, "required").max(max).refine((s) => !CONTROL.test(s), "must not contain control characters");

const uriSchema = text(300, 1);
const listenerIdSchema = text(200, 1);
const stringList = (max: number, each = 80) => z.array(text(each, 1)).max(max);

export const catalogItemSchema = z.object({
  uri: uriSchema,
  type: z.enum(ITEM_TYPES),
  title: text(500, 1),
  creator: text(300).default(""),
  // Stored as sent; pages show it only when it is an https: URL (lib/review/image-url.ts).
  imageUrl: text(2_000).nullable().default(null),
  genres: stringList(20).default([]),
});
export type CatalogItemInput = z.output<typeof catalogItemSchema>;

/** Reports every URI that appears more than once in a list of objects with a `uri`. */
function uniqueUris(list: readonly { uri: string }[], ctx: z.RefinementCtx, at: (i: number) => PropertyKey[], what: string) {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const first = seen.get(entry.uri);
    if (first === undefined) seen.set(entry.uri, i);
    else ctx.addIssue({ code: "custom", path: at(i), message: `${what} "${entry.uri}" is also at ${first}` });
  });
}

export const catalogItemsSchema = z
  .object({ items: z.array(catalogItemSchema).min(1, "send at least one item").max(SAMPLE_LIMITS.catalogItems) })
  .superRefine((value, ctx) => uniqueUris(value.items, ctx, (i) => ["items", i, "uri"], "item"));
export type CatalogItemsInput = z.input<typeof catalogItemsSchema>;

export const listenerContextSchema = z.object({
  id: listenerIdSchema,
  isNew: z.boolean().default(false),
  country: text(8).transform((c) => c.toUpperCase()).default(""),
  topGenres: stringList(20).default([]),
  /** Item URIs the listener played recently, most recent first; unknown URIs are kept as text. */
  recentListens: z.array(uriSchema).max(200).default([]),
});

const rankedItemSchema = z.object({
  uri: uriSchema,
  rank: z.number().int().min(1),
  score: z.number().finite(),
  reason: text(300).default(""),
});

const sampleSchema = z
  .object({
    /** The listener's id, or the listener with its context (upserted). */
    listener: z.union([listenerIdSchema, listenerContextSchema]),
    items: z.array(rankedItemSchema).max(SAMPLE_LIMITS.itemsPerListener),
  })
  .superRefine((sample, ctx) => {
    for (const p of rankProblems(sample.items.map((i) => i.rank))) ctx.addIssue({ code: "custom", path: ["items", p.index, "rank"], message: p.message });
    uniqueUris(sample.items, ctx, (i) => ["items", i, "uri"], "item");
  });

export const ingestSamplesSchema = z
  .object({
    /** When the lists were produced; defaults to the time of the request. */
    sampledAt: z.iso.datetime({ offset: true }).optional(),
    /** Catalogue items to upsert first, so that the samples may refer to new items. */
    catalog: z.array(catalogItemSchema).max(SAMPLE_LIMITS.catalogItems).default([]),
    samples: z.array(sampleSchema).min(1, "send at least one listener").max(SAMPLE_LIMITS.listeners),
  })
  .superRefine((value, ctx) => {
    uniqueUris(value.catalog, ctx, (i) => ["catalog", i, "uri"], "item");
    const seen = new Map<string, number>();
    value.samples.forEach((s, i) => {
      const id = typeof s.listener === "string" ? s.listener : s.listener.id;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else ctx.addIssue({ code: "custom", path: ["samples", i, "listener"], message: `listener "${id}" is also at samples.${first}` });
    });
  });
export type IngestSamplesBody = z.input<typeof ingestSamplesSchema>;
export type IngestSamplesData = z.output<typeof ingestSamplesSchema>;

/** Path of a version in the API: the model's name and the version number. */
export const versionRefSchema = z.object({
  model: z.string().trim().min(1).max(200),
  version: z.coerce.number().int().min(1),
});

export type VersionRefInput = z.input<typeof versionRefSchema>;

export const listenerSamplesInputSchema = versionRefSchema.extend({ listener: listenerIdSchema });

const flagSchema = z.object({
  uri: uriSchema,
  flags: z.array(z.enum(ITEM_FLAGS)).min(1).max(ITEM_FLAGS.length).transform((f) => [...new Set(f)].sort()),
});

export const submitReviewSchema = versionRefSchema.extend({
  listener: listenerIdSchema,
  /** The version the reviewer compared against (production by default); kept with the verdict. */
  baselineVersion: z.coerce.number().int().min(1).nullable().default(null),
  verdict: z.enum(VERDICTS),
  itemFlags: z.array(flagSchema).max(SAMPLE_LIMITS.itemsPerListener).default([]),
  comment: text(2_000).default(""),
}).superRefine((value, ctx) => uniqueUris(value.itemFlags, ctx, (i) => ["itemFlags", i, "uri"], "flagged item"));
export type SubmitReviewInput = z.input<typeof submitReviewSchema>;

const flag = z
  .union([z.boolean(), z.enum(["1", "0", "true", "false", "on", ""])])
  .transform((v) => v === true || v === "1" || v === "true" || v === "on");

/** The queue's filters, as they appear in the URL (`?new=1&country=SE&sort=change&unreviewed=1`). */
export const queueFiltersSchema = z.object({
  baseline: z.coerce.number().int().min(1).optional().catch(undefined),
  new: flag.default(false).catch(false),
  country: z.string().trim().toUpperCase().max(8).optional().catch(undefined).transform((c) => c || undefined),
  sort: z.enum(["panel", "change"]).default("panel").catch("panel"),
  unreviewed: flag.default(false).catch(false),
});
export type QueueFiltersInput = z.input<typeof queueFiltersSchema>;
export type QueueFiltersValue = z.output<typeof queueFiltersSchema>;

export const reviewListenerInputSchema = versionRefSchema.extend({
  /** Which listener to show; the first one not yet reviewed by the caller when absent. */
  listener: listenerIdSchema.optional(),
  filters: queueFiltersSchema.default(() => queueFiltersSchema.parse({})),
});
export type ReviewListenerInput = z.input<typeof reviewListenerInputSchema>;

export const versionSummaryInputSchema = z.object({ slug: z.string().trim().min(1).max(100), version: z.coerce.number().int().min(1) });
