import { z } from "zod";
import {
  datasetTargetSchema,
  featureHistoryParamsSchema,
  featureHistoryQuerySchema,
  listReportsQuerySchema,
  modelParamsSchema,
  reportParamsSchema,
  statisticsBodySchema,
} from "../../schemas/validation";
import type { RouteDoc } from "../types";

const DATASET = { kind: "serving", datasetKey: "serving:2026-11-28", id: 4211, day: "2026-11-28", version: null, numExamples: 1500 };
const TRAINING = { kind: "training", datasetKey: "training:v51", id: 4102, day: null, version: 51, numExamples: 1500 };

const REPORT = {
  id: 812,
  model: "podcast-model",
  kind: "skew",
  day: "2026-11-28",
  version: 51,
  baseline: TRAINING,
  target: DATASET,
  featureCount: 24,
  anomalyCount: 2,
  schemaAnomalyCount: 1,
  notComparableCount: 0,
  maxSeverity: 9.41,
  topFeature: "podcast_minutes_28d",
  anomalous: true,
  computedAt: "2026-11-29T03:15:02.000Z",
  url: "/shelves/shows-you-might-like/validation/812",
};

const INGESTED = {
  model: "podcast-model",
  dataset: { kind: "serving", datasetKey: "serving:2026-11-28", version: null, day: "2026-11-28", source: "tfdv", numExamples: 1500, featureCount: 24 },
  changed: true,
  created: true,
  merged: false,
  reports: [REPORT],
};

// A TFDV DatasetFeatureStatisticsList in proto3 JSON (json_format.MessageToJson), cut to two features.
const TFDV_EXAMPLE = {
  datasets: [
    {
      numExamples: "1500",
      features: [
        {
          path: { step: ["device_type"] },
          type: "STRING",
          stringStats: {
            commonStats: { numNonMissing: "1500", minNumValues: "1", maxNumValues: "1", avgNumValues: 1, totNumValues: "1500" },
            unique: "3",
            rankHistogram: { buckets: [{ label: "mobile_android", sampleCount: 640 }, { lowRank: "1", highRank: "1", label: "mobile_ios", sampleCount: 610 }, { lowRank: "2", highRank: "2", label: "desktop", sampleCount: 250 }] },
          },
        },
        {
          path: { step: ["skip_rate"] },
          type: "FLOAT",
          numStats: {
            commonStats: { numNonMissing: "1470", numMissing: "30", minNumValues: "1", maxNumValues: "1", avgNumValues: 1, totNumValues: "1470" },
            mean: 0.286,
            stdDev: 0.16,
            numZeros: "3",
            max: 0.93,
            histograms: [{ buckets: [{ highValue: 0.465, sampleCount: 1100 }, { lowValue: 0.465, highValue: 0.93, sampleCount: 370 }] }],
          },
        },
      ],
    },
  ],
};

const TARGET_NOTE =
  "Which dataset the profile is: `kind=training&version=N` (the training set of version N), `kind=serving&day=YYYY-MM-DD` (one day of logged serving features), or `kind=evaluation&version=N[&dataset=name]`. `mode=merge` adds it to the profile already stored for that dataset (shards of a day; native profiles and rows only, TFDV statistics carry no sketch to merge); the default `replace` overwrites it, and an identical profile changes nothing.";

/** Statistics, raw rows, reports and feature histories. */
export const VALIDATION_ROUTES: RouteDoc[] = [
  {
    method: "post",
    path: "/api/v1/models/{model}/statistics",
    operationId: "postStatistics",
    tag: "Validation",
    summary: "Post the statistics of a dataset",
    description: `A Shelfwatch profile (\`format: "shelfwatch.profile.v1"\`, as \`shelfwatch validate\` and the rows endpoint build) or TFDV statistics: a \`DatasetFeatureStatisticsList\` in proto3 JSON (\`json_format.MessageToJson\`; int64 as strings, omitted defaults, both histogram types, rank histograms), of which the first dataset is read. ${TARGET_NOTE} The answer lists every report the profile took part in, computed before it is sent: skew (a serving day against the training profile of the version in production that day), drift (against the previous serving day) and training drift (version N against N-1).`,
    permission: "ingest",
    params: modelParamsSchema,
    query: datasetTargetSchema,
    body: statisticsBodySchema,
    bodyExample: TFDV_EXAMPLE,
    errors: [404],
    errorNotes: {
      400: "A malformed profile names the path at fault, e.g. `datasets[0].features[3].num_stats.histograms[0].buckets[2].sample_count: expected a number`.",
      404: "Unknown model, or a version that is not registered.",
      409: "mode=merge into TFDV statistics, or into a feature of another type.",
    },
    responses: {
      201: { description: "A new dataset, stored with its reports.", example: INGESTED },
      200: { description: "The dataset existed: replaced (or merged), or unchanged when identical (`changed: false`).", example: { ...INGESTED, created: false } },
    },
  },
  {
    method: "post",
    path: "/api/v1/models/{model}/feature-rows",
    operationId: "postFeatureRows",
    tag: "Validation",
    summary: "Stream raw feature rows",
    description: `NDJSON: one JSON object per line, feature name → value (\`null\` for missing; numbers make a numeric feature, strings and booleans a categorical one; lists count each value). The rows are folded into the dataset's profile in one streaming pass with bounded memory (a mergeable quantile sketch per numeric feature, top 1,000 values and a distinct count per categorical one), so a million rows never sit in memory; then the profile is stored and compared like posted statistics. Up to 2,000 distinct features and 4 GiB per request. ${TARGET_NOTE} Send an Idempotency-Key with \`mode=merge\`, so that a retried shard is not counted twice.`,
    permission: "ingest",
    params: modelParamsSchema,
    query: datasetTargetSchema,
    body: z.string().describe("NDJSON rows"),
    bodyContentType: "application/x-ndjson",
    bodyExample: '{"device_type":"mobile_ios","skip_rate":0.21,"podcast_minutes_28d":340}\n{"device_type":"tv","skip_rate":null,"podcast_minutes_28d":0}\n',
    errors: [404],
    errorNotes: { 400: "A line that is not a JSON object is named: `line 12`.", 413: "More than 4 GiB." },
    responses: {
      201: { description: "A new dataset, with its reports; `rows` is the number of rows read.", example: { ...INGESTED, dataset: { ...INGESTED.dataset, source: "rows" }, rows: 1500 } },
      200: { description: "The dataset existed: replaced or merged.", example: { ...INGESTED, created: false, rows: 1500 } },
    },
  },
  {
    method: "get",
    path: "/api/v1/models/{model}/reports",
    operationId: "listReports",
    tag: "Validation",
    summary: "List reports",
    description: "A model's skew, drift and training-drift reports, newest first (by serving day, then by version). `anomalous` is true when a feature is above its threshold or a schema anomaly was found.",
    permission: "read",
    params: modelParamsSchema,
    query: listReportsQuerySchema,
    errors: [404],
    responses: { 200: { description: "The reports.", example: { model: "podcast-model", kind: "skew", reports: [REPORT] } } },
  },
  {
    method: "get",
    path: "/api/v1/models/{model}/reports/{report}",
    operationId: "getReport",
    tag: "Validation",
    summary: "Get a report",
    description: "Every compared feature, most severe first, with comparator, distance, threshold, distance / threshold and the value (or bucket) that moved most; the schema anomalies; the features that could not be compared, with TFDV's reason; and the reports of the days around it.",
    permission: "read",
    params: reportParamsSchema,
    errors: [404],
    responses: {
      200: {
        description: "The report.",
        example: {
          ...REPORT,
          shelf: { slug: "shows-you-might-like", title: "Shows you might like" },
          features: [
            { feature: "podcast_minutes_28d", type: "numeric", comparator: "jensen_shannon", distance: 0.941, threshold: 0.1, severity: 9.41, anomaly: true, movedMost: { kind: "range", low: 0, high: 0.78, baselineShare: 0.35, targetShare: 0.01 } },
            { feature: "device_type", type: "categorical", comparator: "l_infinity", distance: 0.151, threshold: 0.1, severity: 1.51, anomaly: true, movedMost: { kind: "value", label: "car_display", baselineShare: 0, targetShare: 0.151 } },
          ],
          schemaAnomalies: [{ kind: "new_values", feature: "device_type", values: [{ value: "car_display", share: 0.151 }], share: 0.151 }],
          notComparable: [],
          previous: { id: 809, label: "2026-11-27" },
          next: null,
        },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/models/{model}/features/{feature}/history",
    operationId: "getFeatureHistory",
    tag: "Validation",
    summary: "Get a feature's history",
    description: "One feature's distance per serving day (skew, drift; `days` back from today) or per version (training drift; the last `days` versions), with its threshold, the moves of production in the window, and the first report of the current run above threshold.",
    permission: "read",
    params: featureHistoryParamsSchema,
    query: featureHistoryQuerySchema,
    errors: [404],
    responses: {
      200: {
        description: "The history.",
        example: {
          model: "podcast-model",
          feature: "podcast_minutes_28d",
          kind: "skew",
          comparator: "jensen_shannon",
          threshold: 0.1,
          points: [{ reportId: 812, x: 1795737600000, label: "2026-11-28", distance: 0.941, threshold: 0.1, severity: 9.41, anomaly: true, version: 51 }],
          deployments: [{ at: 1795305600000, toVersion: 51, reason: "promotion" }],
          anomalousSince: { reportId: 731, label: "2026-11-08" },
          from: "2026-08-31",
          to: "2026-11-29",
        },
      },
    },
  },
];
