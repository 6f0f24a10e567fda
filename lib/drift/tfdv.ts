// Reader for TFDV's DatasetFeatureStatisticsList (tensorflow_metadata statistics.proto) in
// proto3 JSON, as json_format.MessageToJson writes it: int64 as strings, omitted defaults
// (0, "", first enum value), proto or lowerCamelCase field names, and "Infinity",
// "-Infinity", "NaN" for non-finite doubles. Features become profile features that carry
// TFDV's histograms and counts but no sketch state (they compare but do not merge).

import {
  fail,
  field,
  readArray,
  readObject,
  readProtoDouble,
  readProtoEnum,
  readProtoInt,
  readString,
  type JsonObject,
} from "./json-read";
import {
  DEFAULT_PROFILE_OPTIONS,
  PROFILE_FORMAT,
  type CategoricalFeatureProfile,
  type DatasetProfile,
  type FeatureProfile,
  type NumericFeatureProfile,
  type ProfileHistogram,
} from "./profile";
import { validateProfile } from "./validate-profile";

const FEATURE_TYPES = ["INT", "FLOAT", "STRING", "BYTES", "STRUCT"] as const;
const HISTOGRAM_TYPES = ["STANDARD", "QUANTILES"] as const;
const STATS_FIELDS = ["num_stats", "string_stats", "bytes_stats", "struct_stats"] as const;

const uint = (obj: JsonObject, name: string, path: string): number => {
  const f = field(obj, name, path);
  return readProtoInt(f.value, f.path, true);
};
const double = (obj: JsonObject, name: string, path: string): number => {
  const f = field(obj, name, path);
  return readProtoDouble(f.value, f.path);
};
const optionalObject = (obj: JsonObject, name: string, path: string): { value: JsonObject; path: string } => {
  const f = field(obj, name, path);
  return { value: f.value === undefined ? {} : readObject(f.value, f.path), path: f.path };
};
const optionalArray = (obj: JsonObject, name: string, path: string): { items: unknown[]; path: string } => {
  const f = field(obj, name, path);
  return { items: f.value === undefined ? [] : readArray(f.value, f.path), path: f.path };
};

type Common = { count: number; missing: number; numValues: number };

function readCommon(parent: JsonObject, path: string): Common {
  const { value: c, path: p } = optionalObject(parent, "common_stats", path);
  const count = uint(c, "num_non_missing", p);
  const total = uint(c, "tot_num_values", p);
  // statistics_view.cc GetTotalValueCountInExamples: older stats lack tot_num_values.
  const numValues = total !== 0 ? total : Math.round(count * double(c, "avg_num_values", p));
  return { count, missing: uint(c, "num_missing", p), numValues };
}

function readHistogram(value: unknown, path: string): ProfileHistogram {
  const h = readObject(value, path);
  const type = readProtoEnum(field(h, "type", path).value, field(h, "type", path).path, HISTOGRAM_TYPES);
  const out: ProfileHistogram = { type, buckets: [], numNan: uint(h, "num_nan", path) };
  let negInf = 0;
  let posInf = 0;
  const { items, path: bp } = optionalArray(h, "buckets", path);
  items.forEach((item, i) => {
    const bucketPath = `${bp}[${i}]`;
    const b = readObject(item, bucketPath);
    const low = double(b, "low_value", bucketPath);
    const high = double(b, "high_value", bucketPath);
    const count = double(b, "sample_count", bucketPath);
    // JSON has no infinities: infinite buckets are kept as counts (all of them are one
    // "infinite mass" to TFDV's JSD, so nothing it computes changes).
    if (Number.isFinite(low) && Number.isFinite(high)) out.buckets.push({ low, high, count });
    else if (low === -Infinity || high === -Infinity) negInf += count;
    else posInf += count;
  });
  if (negInf) out.numNegInf = negInf;
  if (posInf) out.numPosInf = posInf;
  return out;
}

function readNumeric(name: string, stats: JsonObject, path: string): NumericFeatureProfile {
  const common = readCommon(stats, path);
  const { items, path: hp } = optionalArray(stats, "histograms", path);
  const histograms = items.map((h, i) => readHistogram(h, `${hp}[${i}]`));
  const standard = histograms.find((h) => h.type === "STANDARD");
  const has = common.count > 0 || histograms.length > 0;
  const value = (key: string): number | null => (has ? double(stats, key, path) : null);
  return {
    name,
    type: "numeric",
    ...common,
    zeros: uint(stats, "num_zeros", path),
    numNan: standard?.numNan ?? 0,
    numNegInf: standard?.numNegInf ?? 0,
    numPosInf: standard?.numPosInf ?? 0,
    min: value("min"),
    max: value("max"),
    mean: value("mean"),
    stdDev: value("std_dev"),
    histograms,
  };
}

function readLabelCounts(items: unknown[], path: string, labelKey: string, countKey: string) {
  const seen = new Set<string>();
  const out: { value: string; count: number }[] = [];
  items.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const b = readObject(item, p);
    const labelField = field(b, labelKey, p);
    const value = labelField.value === undefined ? "" : readString(labelField.value, labelField.path);
    const count = double(b, countKey, p);
    // statistics_view.cc GetStringValuesWithCounts uses map::insert: the first label wins.
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, count });
  });
  return out;
}

function readCategorical(name: string, stats: JsonObject, path: string, withValues: boolean): CategoricalFeatureProfile {
  const common = readCommon(stats, path);
  let topValues: { value: string; count: number }[] = [];
  if (withValues) {
    const rank = field(stats, "rank_histogram", path);
    if (rank.value !== undefined) {
      const { items, path: bp } = optionalArray(readObject(rank.value, rank.path), "buckets", rank.path);
      topValues = readLabelCounts(items, bp, "label", "sample_count");
    } else {
      // TFDV compares rank_histogram only; top_values is a fallback for writers that omit it.
      const { items, path: tp } = optionalArray(stats, "top_values", path);
      topValues = readLabelCounts(items, tp, "value", "frequency");
    }
  }
  const unique = uint(stats, "unique", path);
  const distinct = Math.max(unique, topValues.length);
  return { name, type: "categorical", ...common, topValues, topValuesError: 0, distinct };
}

function featureName(f: JsonObject, path: string): string {
  const p = field(f, "path", path);
  if (p.value !== undefined) {
    const { items, path: sp } = optionalArray(readObject(p.value, p.path), "step", p.path);
    if (items.length === 0) fail(sp, "expected at least one step");
    // Path::Serialize joins steps with "."; step names with dots are rare in practice.
    return items.map((s, i) => readString(s, `${sp}[${i}]`)).join(".");
  }
  const n = field(f, "name", path);
  if (n.value === undefined || n.value === "") fail(path, "expected path or name");
  return readString(n.value, n.path);
}

function readFeature(value: unknown, path: string): FeatureProfile | null {
  const f = readObject(value, path);
  const name = featureName(f, path);
  readProtoEnum(field(f, "type", path).value, field(f, "type", path).path, FEATURE_TYPES);
  const present = STATS_FIELDS.map((key) => ({ key, ...field(f, key, path) })).filter((s) => s.value !== undefined);
  if (present.length > 1) fail(path, `expected only one of ${present.map((s) => s.key).join(", ")}`);
  // statistics_view.cc HasEmptyStats: a feature without stats is skipped; so are structs,
  // which only group their children.
  if (present.length === 0 || present[0].key === "struct_stats") return null;
  const stats = readObject(present[0].value, present[0].path);
  if (present[0].key === "num_stats") return readNumeric(name, stats, present[0].path);
  return readCategorical(name, stats, present[0].path, present[0].key === "string_stats");
}

function readDataset(value: unknown, path: string): DatasetProfile {
  const d = readObject(value, path);
  const nameField = field(d, "name", path);
  const name = nameField.value === undefined ? undefined : readString(nameField.value, nameField.path);
  const { items, path: fp } = optionalArray(d, "features", path);
  const features: FeatureProfile[] = [];
  const names = new Set<string>();
  items.forEach((item, i) => {
    const feature = readFeature(item, `${fp}[${i}]`);
    if (!feature) return;
    if (names.has(feature.name)) fail(`${fp}[${i}]`, `duplicate feature "${feature.name}"`);
    names.add(feature.name);
    features.push(feature);
  });
  const firstNumeric = features.find((f): f is NumericFeatureProfile => f.type === "numeric" && f.histograms.length > 0);
  const bucketsOf = (t: string): number | undefined =>
    firstNumeric?.histograms.find((h) => h.type === t)?.buckets.length || undefined;
  return {
    format: PROFILE_FORMAT,
    ...(name ? { name } : {}),
    numExamples: uint(d, "num_examples", path),
    options: {
      histogramBuckets: bucketsOf("STANDARD") ?? DEFAULT_PROFILE_OPTIONS.histogramBuckets,
      quantileBuckets: bucketsOf("QUANTILES") ?? DEFAULT_PROFILE_OPTIONS.quantileBuckets,
      topK: DEFAULT_PROFILE_OPTIONS.topK,
    },
    features,
  };
}

/** Reads each dataset of a TFDV DatasetFeatureStatisticsList (proto3 JSON); throws ProfileFormatError naming the path. */
export function readTfdvStatistics(json: unknown): DatasetProfile[] {
  const root = readObject(json, "");
  const { items, path } = optionalArray(root, "datasets", "");
  return items.map((d, i) => readDataset(d, `${path}[${i}]`));
}

/** Reads one TFDV DatasetFeatureStatistics (a single dataset, not the list) as a profile. */
export function readTfdvDataset(json: unknown): DatasetProfile {
  return readDataset(json, "");
}

export type ParsedProfile =
  | { source: "native"; profile: DatasetProfile }
  | { source: "tfdv"; profile: DatasetProfile; datasets: DatasetProfile[] };

/** Parses a profile posted as JSON (text or value): Shelfwatch's native form or TFDV statistics, and says which. */
export function parseProfileJson(json: unknown): ParsedProfile {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      fail("", `invalid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const root = readObject(value, "");
  if (root.format !== undefined) return { source: "native", profile: validateProfile(root) };
  if (field(root, "datasets", "").value !== undefined) {
    const datasets = readTfdvStatistics(root);
    if (datasets.length === 0) fail("datasets", "expected at least one dataset");
    return { source: "tfdv", profile: datasets[0], datasets };
  }
  if (root.features !== undefined) {
    const profile = readTfdvDataset(root);
    return { source: "tfdv", profile, datasets: [profile] };
  }
  return fail("", `expected a profile (format "${PROFILE_FORMAT}") or TFDV statistics (datasets)`);
}
