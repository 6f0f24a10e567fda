// Validation of a native profile received as JSON. Returns a clean copy holding only known
// fields, or throws a ProfileFormatError naming the path at fault. The sketch is checked
// for internal consistency (sorted levels whose weights add up to n), since a merge trusts it.

import { HyperLogLog } from "./hll";
import {
  at,
  fail,
  readArray,
  readCount,
  readFinite,
  readInteger,
  readNullableFinite,
  readObject,
  readString,
  type JsonObject,
} from "./json-read";
import {
  PROFILE_FORMAT,
  type CategoricalFeatureProfile,
  type DatasetProfile,
  type FeatureProfile,
  type NumericFeatureProfile,
  type ProfileHistogram,
  type ProfileOptions,
  type QuantileSketchState,
} from "./profile";

type Base = Pick<FeatureProfile, "name" | "count" | "missing" | "numValues">;

const MAX_LEVELS = 64;
const MAX_RETAINED = 100_000;

const get = (obj: JsonObject, key: string, path: string): [unknown, string] => [obj[key], at(path, key)];
const count = (obj: JsonObject, key: string, path: string): number => readCount(...get(obj, key, path));

function readOptions(value: unknown, path: string): ProfileOptions {
  const o = readObject(value, path);
  return {
    histogramBuckets: readInteger(...get(o, "histogramBuckets", path), 1, 1000),
    quantileBuckets: readInteger(...get(o, "quantileBuckets", path), 1, 1000),
    topK: readInteger(...get(o, "topK", path), 1, 100_000),
  };
}

function readHistogram(value: unknown, path: string): ProfileHistogram {
  const h = readObject(value, path);
  const [type, typePath] = get(h, "type", path);
  if (type !== "STANDARD" && type !== "QUANTILES") fail(typePath, "expected STANDARD or QUANTILES");
  const buckets = readArray(...get(h, "buckets", path)).map((b, i) => {
    const p = at(at(path, "buckets"), i);
    const bucket = readObject(b, p);
    return {
      low: readFinite(...get(bucket, "low", p)),
      high: readFinite(...get(bucket, "high", p)),
      count: readFinite(...get(bucket, "count", p)),
    };
  });
  const out: ProfileHistogram = { type, buckets, numNan: count(h, "numNan", path) };
  if (h.numNegInf !== undefined) out.numNegInf = count(h, "numNegInf", path);
  if (h.numPosInf !== undefined) out.numPosInf = count(h, "numPosInf", path);
  return out;
}

function readSketch(value: unknown, path: string): QuantileSketchState {
  const s = readObject(value, path);
  const k = readInteger(...get(s, "k", path), 8, 65_536);
  const n = readInteger(...get(s, "n", path), 0, Number.MAX_SAFE_INTEGER);
  const seed = readInteger(...get(s, "seed", path), 1, 0xffffffff);
  const levelsPath = at(path, "levels");
  const raw = readArray(s.levels, levelsPath);
  if (raw.length > MAX_LEVELS) fail(levelsPath, `expected at most ${MAX_LEVELS} levels`);
  let weight = 0;
  let retained = 0;
  const levels = raw.map((level, h) => {
    const items = readArray(level, at(levelsPath, h)).map((x, i) => readFinite(x, at(at(levelsPath, h), i)));
    for (let i = 1; i < items.length; i++) {
      if (items[i] < items[i - 1]) fail(at(at(levelsPath, h), i), "expected values sorted ascending");
    }
    weight += items.length * 2 ** h;
    retained += items.length;
    return items;
  });
  if (retained > MAX_RETAINED) fail(levelsPath, `expected at most ${MAX_RETAINED} items`);
  if (weight !== n) fail(at(path, "n"), "does not match the weight of the sketch's levels");
  return { k, n, levels, seed };
}

function readNumeric(f: JsonObject, path: string, base: Base): NumericFeatureProfile {
  const out: NumericFeatureProfile = {
    ...base,
    type: "numeric",
    zeros: count(f, "zeros", path),
    numNan: count(f, "numNan", path),
    numNegInf: count(f, "numNegInf", path),
    numPosInf: count(f, "numPosInf", path),
    min: readNullableFinite(...get(f, "min", path)),
    max: readNullableFinite(...get(f, "max", path)),
    mean: readNullableFinite(...get(f, "mean", path)),
    stdDev: readNullableFinite(...get(f, "stdDev", path)),
    histograms: readArray(...get(f, "histograms", path)).map((h, i) => readHistogram(h, at(at(path, "histograms"), i))),
  };
  if (f.m2 !== undefined) out.m2 = count(f, "m2", path);
  if (f.sketch !== undefined) out.sketch = readSketch(f.sketch, at(path, "sketch"));
  return out;
}

function readCategorical(f: JsonObject, path: string, base: Base): CategoricalFeatureProfile {
  const seen = new Set<string>();
  const topValues = readArray(...get(f, "topValues", path)).map((v, i) => {
    const p = at(at(path, "topValues"), i);
    const item = readObject(v, p);
    const value = readString(...get(item, "value", p));
    if (seen.has(value)) fail(at(p, "value"), `duplicate value "${value}"`);
    seen.add(value);
    return { value, count: count(item, "count", p) };
  });
  const out: CategoricalFeatureProfile = {
    ...base,
    type: "categorical",
    topValues,
    topValuesError: count(f, "topValuesError", path),
    distinct: count(f, "distinct", path),
  };
  if (f.distinctSketch !== undefined) {
    const [sketch, p] = get(f, "distinctSketch", path);
    if (!HyperLogLog.isValidEncoding(readString(sketch, p))) fail(p, "expected a HyperLogLog register string");
    out.distinctSketch = sketch as string;
  }
  return out;
}

function readFeature(value: unknown, path: string): FeatureProfile {
  const f = readObject(value, path);
  const name = readString(...get(f, "name", path));
  if (name === "") fail(at(path, "name"), "expected a non-empty name");
  const base: Base = {
    name,
    count: count(f, "count", path),
    missing: count(f, "missing", path),
    numValues: count(f, "numValues", path),
  };
  if (f.type === "numeric") return readNumeric(f, path, base);
  if (f.type === "categorical") return readCategorical(f, path, base);
  return fail(at(path, "type"), "expected numeric or categorical");
}

/** Validates a native profile's JSON and returns a clean copy; throws ProfileFormatError naming the path at fault. */
export function validateProfile(json: unknown): DatasetProfile {
  const p = readObject(json, "");
  if (p.format !== PROFILE_FORMAT) fail("format", `expected "${PROFILE_FORMAT}"`);
  const names = new Set<string>();
  const features = readArray(p.features, "features").map((f, i) => {
    const feature = readFeature(f, at("features", i));
    if (names.has(feature.name)) fail(at(at("features", i), "name"), `duplicate feature "${feature.name}"`);
    names.add(feature.name);
    return feature;
  });
  return {
    format: PROFILE_FORMAT,
    ...(p.name !== undefined ? { name: readString(p.name, "name") } : {}),
    numExamples: readCount(p.numExamples, "numExamples"),
    options: readOptions(p.options, "options"),
    features,
  };
}
