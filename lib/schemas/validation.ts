import { z } from "zod";

// Inputs of data validation: where a posted profile belongs, the reads of reports and feature
// histories, threshold edits, and the thresholds file of `shelfwatch validate`. Shared by the route
// handlers, the data layer, the forms, the CLI and the OpenAPI document.

export const REPORT_KINDS = ["skew", "drift", "training_drift"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const reportKindSchema = z.enum(REPORT_KINDS);

export const COMPARATORS = ["l_infinity", "jensen_shannon", "normalized_abs_difference", "psi", "wasserstein"] as const;
export type ComparatorName = (typeof COMPARATORS)[number];
export const comparatorSchema = z.enum(COMPARATORS);

/** How people read each comparator (Evidently and TFDV show the test's name beside every score). */
export const COMPARATOR_LABELS: Record<ComparatorName, string> = {
  l_infinity: "L-infinity",
  jensen_shannon: "Jensen-Shannon",
  normalized_abs_difference: "Normalized abs. difference",
  psi: "PSI",
  wasserstein: "Wasserstein (normed)",
};

export const REPORT_KIND_LABELS: Record<ReportKind, string> = { skew: "Skew", drift: "Drift", training_drift: "Training drift" };

/** Comparators that apply to each feature type (Wasserstein needs numbers; L-infinity needs labels). */
export const COMPARATORS_BY_TYPE = {
  numeric: ["jensen_shannon", "psi", "wasserstein"],
  categorical: ["l_infinity", "jensen_shannon", "normalized_abs_difference", "psi"],
} as const satisfies Record<"numeric" | "categorical", readonly ComparatorName[]>;

/** Most features one profile may hold, and one NDJSON upload may name (bounds the profiler's memory). */
export const MAX_PROFILE_FEATURES = 5_000;
export const MAX_ROW_FEATURES = 2_000;
/** Largest NDJSON body of feature rows: streamed, so the limit bounds time, not memory. */
export const MAX_FEATURE_ROWS_BYTES = 4 * 1024 ** 3;

const modelName = z.string().trim().min(1).max(200);
const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647);
const isoDay = z.iso.date();
const featureName = z.string().min(1).max(500);
const threshold = z.number().min(0, "must be 0 or more").max(1_000_000);

export const modelParamsSchema = z.object({ model: modelName });

/**
 * Which dataset a posted profile is (query string of `statistics` and `feature-rows`): the training set
 * of a version, a serving day, or an evaluation set of a version. `mode=merge` adds the profile to the
 * one already stored (shards of a day); the default replaces it.
 */
export const datasetTargetSchema = z
  .object({
    kind: z.enum(["training", "serving", "evaluation"]),
    version: versionNumber.optional(),
    day: isoDay.optional(),
    dataset: z.string().trim().min(1).max(100).regex(/^[\w.-]+$/, "letters, digits, '.', '_' or '-'").optional(),
    mode: z.enum(["replace", "merge"]).default("replace"),
  })
  .superRefine((v, issue) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) issue.addIssue({ code: "custom", path: [path], message });
    };
    need(v.kind === "serving" || v.version !== undefined, "version", `required for a ${v.kind} profile`);
    need(v.kind !== "serving" || v.version === undefined, "version", "a serving day belongs to no version: omit it");
    need(v.kind !== "serving" || v.day !== undefined, "day", "required for a serving profile (YYYY-MM-DD)");
    need(v.kind === "serving" || v.day === undefined, "day", `a ${v.kind} profile has no day: omit it`);
    need(v.kind === "evaluation" || v.dataset === undefined, "dataset", "only an evaluation profile names a dataset");
  });
export type DatasetTarget = z.output<typeof datasetTargetSchema>;

/**
 * The body of `POST …/statistics`: a Shelfwatch profile (`format: "shelfwatch.profile.v1"`) or TFDV
 * statistics (a DatasetFeatureStatisticsList in proto3 JSON). The data layer reads it field by field
 * and answers 400 naming the path at fault.
 */
export const statisticsBodySchema = z
  .record(z.string(), z.unknown())
  .describe("A Shelfwatch profile (format shelfwatch.profile.v1) or TFDV statistics (DatasetFeatureStatisticsList, proto3 JSON).");

export const ingestStatisticsSchema = z.object({ model: modelName, target: datasetTargetSchema, statistics: z.unknown() });
export type IngestStatisticsInput = z.input<typeof ingestStatisticsSchema>;

export const ingestFeatureRowsSchema = z.object({ model: modelName, target: datasetTargetSchema });
export type IngestFeatureRowsInput = z.input<typeof ingestFeatureRowsSchema>;

/** `GET …/reports`: newest first, filtered by kind and serving days. */
export const listReportsQuerySchema = z.object({
  kind: reportKindSchema.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const listReportsSchema = listReportsQuerySchema.extend({ model: modelName });
export type ListReportsInput = z.input<typeof listReportsSchema>;

export const reportParamsSchema = z.object({ model: modelName, report: z.coerce.number().int().positive() });
export const getReportSchema = reportParamsSchema;
export type GetReportInput = z.input<typeof getReportSchema>;

export const getReportFeatureSchema = reportParamsSchema.extend({ feature: featureName });
export type GetReportFeatureInput = z.input<typeof getReportFeatureSchema>;

export const featureHistoryParamsSchema = z.object({ model: modelName, feature: featureName });
export const featureHistoryQuerySchema = z.object({
  kind: reportKindSchema.default("skew"),
  /** Serving days back from today (skew, drift), or versions back (training drift). */
  days: z.coerce.number().int().min(1).max(730).default(90),
});
export const featureHistorySchema = featureHistoryParamsSchema.extend(featureHistoryQuerySchema.shape);
export type FeatureHistoryInput = z.input<typeof featureHistorySchema>;

export const HEATMAP_WINDOWS = [14, 30, 90] as const;
export const heatmapSchema = z.object({
  model: modelName,
  kind: reportKindSchema.default("skew"),
  window: z.coerce.number().int().min(1).max(365).default(30),
  /** Rows shown, most severe first; 0 shows every feature. */
  rows: z.coerce.number().int().min(0).max(5_000).default(40),
});
export type HeatmapInput = z.input<typeof heatmapSchema>;

export const validationStateSchema = z.object({ model: modelName });

export const listFeatureConfigsSchema = z.object({ model: modelName.optional() });

/** A threshold edit, against the version of the row the form was filled from (null: no row yet). */
export const updateFeatureConfigSchema = z.object({
  model: modelName,
  feature: featureName,
  comparator: comparatorSchema,
  skewThreshold: threshold,
  driftThreshold: threshold,
  expectedUpdatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type UpdateFeatureConfigInput = z.input<typeof updateFeatureConfigSchema>;

const featureCompareSchema = z
  .object({ comparator: comparatorSchema.optional(), threshold: threshold.optional(), histogramType: z.enum(["STANDARD", "QUANTILES"]).optional() })
  .strict();

/**
 * The thresholds file of `shelfwatch validate --config`: the drift module's CompareConfig as JSON.
 * Per-feature settings win over per-type comparators, which win over per-comparator thresholds.
 */
export const compareConfigSchema = z
  .object({
    features: z.record(featureName, featureCompareSchema).optional(),
    comparators: z.object({ numeric: comparatorSchema.optional(), categorical: comparatorSchema.optional() }).strict().optional(),
    thresholds: z.partialRecord(comparatorSchema, threshold).optional(),
    histogramType: z.enum(["STANDARD", "QUANTILES"]).optional(),
    newValueShare: z.number().min(0).max(1).optional(),
    missingFractionJump: z.number().min(0).max(1).optional(),
  })
  .strict();
export type CompareConfigFile = z.output<typeof compareConfigSchema>;
