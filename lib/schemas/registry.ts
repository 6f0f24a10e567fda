import { z } from "zod";

// The model registry's inputs: versions with lineage, evaluation scores, online metrics, and the reads
// of the shelf and version pages. Shared by the route handlers, the data layer and the API document.
// No schema here changes the type of its input, so the data layer can re-parse what a route parsed.

export const MAX_EVALUATIONS_PER_BATCH = 10_000;
export const MAX_ONLINE_ROWS_PER_BATCH = 5_000;
export const MAX_ONLINE_VALUES_PER_BATCH = 50_000;
export const MAX_VERSIONS_PAGE = 200;
export const MAX_ONLINE_RANGE_DAYS = 3_660;

const MAX_INT = 2_147_483_647;
const isoDay = z.iso.date();
const moment = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const modelNameSchema = z.string().trim().min(1).max(200);
export const metricNameSchema = z.string().trim().min(1, "required").max(100);
export const datasetSchema = z.string().trim().max(200);
export const versionNumberSchema = z.number().int().min(1).max(MAX_INT);
/** A version number in a URL path or query string. */
export const versionParamSchema = z.coerce.number().int().min(1).max(MAX_INT);

export const modelParamsSchema = z.object({ model: modelNameSchema });
export const versionParamsSchema = z.object({ model: modelNameSchema, version: versionParamSchema });

export const listModelsSchema = z.object({});

// ───────────────────────────── versions ─────────────────────────────

const jsonObject = z.record(z.string().max(200), z.json()).refine((v) => JSON.stringify(v).length <= 64_000, "larger than 64,000 characters");

export const registerVersionBodySchema = z
  .object({
    /** Omit to be given the next number. */
    version: versionNumberSchema.optional(),
    trainedAt: moment.optional(),
    dataWindow: z
      .object({ start: moment, end: moment })
      .strict()
      .refine((w) => new Date(w.start).getTime() <= new Date(w.end).getTime(), { message: "start is after end", path: ["end"] })
      .optional(),
    pipelineRunId: z.string().trim().min(1).max(300).optional(),
    // Any URL is stored; the pages make a link of https URLs only and show the rest as text.
    pipelineRunUrl: z.url().max(2_000).optional(),
    codeRevision: z.string().trim().min(1).max(200).optional(),
    parentVersion: versionNumberSchema.optional(),
    hyperparameters: jsonObject.default({}),
    artifactUri: z.string().trim().min(1).max(2_000).optional(),
    tags: z.record(z.string().trim().min(1).max(100), z.string().max(500)).default({}),
  })
  .strict();
export type RegisterVersionBody = z.input<typeof registerVersionBodySchema>;

export const registerVersionSchema = registerVersionBodySchema.extend({ model: modelNameSchema });
export type RegisterVersionInput = z.input<typeof registerVersionSchema>;

export const listVersionsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_VERSIONS_PAGE).default(50),
    /** The `nextCursor` of the previous page: versions older than it follow. */
    cursor: z.string().regex(/^\d{1,10}$/, "not a cursor from this API").optional(),
  })
  .strict();
export const listVersionsSchema = listVersionsQuerySchema.extend({ model: modelNameSchema });
export type ListVersionsInput = z.input<typeof listVersionsSchema>;

export const getVersionSchema = z.object({ model: modelNameSchema, version: versionParamSchema });
export type GetVersionInput = z.input<typeof getVersionSchema>;

// ───────────────────────────── evaluations ─────────────────────────────

export const evaluationSchema = z
  .object({
    metric: metricNameSchema,
    value: z.number(),
    /** The dataset or slice scored ("holdout", "slice:new-listeners"); empty is the main evaluation set. */
    dataset: datasetSchema.default(""),
  })
  .strict();

const evaluationsShape = { evaluations: z.array(evaluationSchema).min(1, "at least one score").max(MAX_EVALUATIONS_PER_BATCH) };

// One row per (metric, dataset): a batch that scores the same thing twice is ambiguous.
function noRepeatedScores(body: { evaluations: { metric: string; dataset?: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  body.evaluations.forEach((e, i) => {
    const key = `${e.metric}\u0000${e.dataset ?? ""}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else ctx.addIssue({ code: "custom", path: ["evaluations", i, "metric"], message: `same metric and dataset as evaluations.${first}` });
  });
}

export const recordEvaluationsBodySchema = z.object(evaluationsShape).strict().superRefine(noRepeatedScores);
export type RecordEvaluationsBody = z.input<typeof recordEvaluationsBodySchema>;
/**
 * The body as the route checks it: an object holding `evaluations` and nothing else. The rows themselves
 * (up to 10,000) are checked once, by the data layer (`recordEvaluationsSchema`), rather than twice.
 */
export const recordEvaluationsEnvelopeSchema = z.object({ evaluations: z.array(z.unknown()) }).strict();

export const recordEvaluationsSchema = z.object({ ...evaluationsShape, model: modelNameSchema, version: versionParamSchema }).superRefine(noRepeatedScores);
export type RecordEvaluationsInput = z.input<typeof recordEvaluationsSchema>;

export const listEvaluationsQuerySchema = z.object({ metric: metricNameSchema.optional(), dataset: datasetSchema.optional() }).strict();
export const listEvaluationsSchema = listEvaluationsQuerySchema.extend({ model: modelNameSchema, version: versionParamSchema });
export type ListEvaluationsInput = z.input<typeof listEvaluationsSchema>;

// ───────────────────────────── online metrics ─────────────────────────────

export const onlineMetricRowSchema = z
  .object({
    day: isoDay,
    version: versionNumberSchema,
    /** Named daily values: impressions, stream_rate, minutes_played, or any other metric. */
    values: z.record(metricNameSchema, z.number()).refine((v) => Object.keys(v).length > 0, "at least one value"),
  })
  .strict();

const onlineShape = { rows: z.array(onlineMetricRowSchema).min(1, "at least one row").max(MAX_ONLINE_ROWS_PER_BATCH) };

function oneRowPerDayAndVersion(body: { rows: { day: string; version: number; values: Record<string, number> }[] }, ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  let values = 0;
  body.rows.forEach((r, i) => {
    values += Object.keys(r.values).length;
    const key = `${r.day}/${r.version}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else ctx.addIssue({ code: "custom", path: ["rows", i, "day"], message: `same day and version as rows.${first}` });
  });
  if (values > MAX_ONLINE_VALUES_PER_BATCH) ctx.addIssue({ code: "custom", path: ["rows"], message: `more than ${MAX_ONLINE_VALUES_PER_BATCH} values` });
}

export const recordOnlineMetricsBodySchema = z.object(onlineShape).strict().superRefine(oneRowPerDayAndVersion);
export type RecordOnlineMetricsBody = z.input<typeof recordOnlineMetricsBodySchema>;

export const recordOnlineMetricsSchema = z.object({ ...onlineShape, model: modelNameSchema }).superRefine(oneRowPerDayAndVersion);
export type RecordOnlineMetricsInput = z.input<typeof recordOnlineMetricsSchema>;

const onlineRangeShape = {
  /** First and last day, inclusive; the default is the 90 days up to today. */
  from: isoDay.optional(),
  to: isoDay.optional(),
  metric: metricNameSchema.optional(),
  version: versionParamSchema.optional(),
};
const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const fromAfterTo = { message: "from is after to", path: ["to"] };

export const listOnlineMetricsQuerySchema = z.object(onlineRangeShape).strict().refine(fromBeforeTo, fromAfterTo);
export const listOnlineMetricsSchema = z.object({ ...onlineRangeShape, model: modelNameSchema }).refine(fromBeforeTo, fromAfterTo);
export type ListOnlineMetricsInput = z.input<typeof listOnlineMetricsSchema>;

// ───────────────────────────── page reads ─────────────────────────────

export const VERSION_SORTS = ["version", "trained", "metric"] as const;
export type VersionSort = (typeof VERSION_SORTS)[number];

export const listVersionRowsSchema = z.object({
  model: modelNameSchema,
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  sort: z.enum(VERSION_SORTS).default("version"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type ListVersionRowsInput = z.input<typeof listVersionRowsSchema>;

export const metricSeriesSchema = z.object({
  model: modelNameSchema,
  /** Defaults to the gate's primary metric. */
  metric: metricNameSchema.optional(),
  dataset: datasetSchema.default(""),
  /** Largest number of points the chart may receive (about its width in pixels). */
  maxPoints: z.number().int().min(10).max(5_000).default(600),
});
export type MetricSeriesInput = z.input<typeof metricSeriesSchema>;

export const onlineSeriesSchema = z.object({
  model: modelNameSchema,
  metric: metricNameSchema.optional(),
  days: z.number().int().min(7).max(MAX_ONLINE_RANGE_DAYS).default(365),
  maxPoints: z.number().int().min(10).max(5_000).default(600),
});
export type OnlineSeriesInput = z.input<typeof onlineSeriesSchema>;

export const compareScoresSchema = z.object({
  model: modelNameSchema,
  version: versionNumberSchema,
  /** The version to compare with; production (or, for production itself, the one it displaced) by default. */
  compare: versionNumberSchema.optional(),
});
export type CompareScoresInput = z.input<typeof compareScoresSchema>;

export const shelfRegistrySchema = z.object({ slug: z.string().min(1).max(100) });
