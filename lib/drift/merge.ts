// Merging profiles, so days, shards and workers combine: counts add, mean and variance
// combine by Chan et al.'s parallel formula, quantile sketches and HyperLogLogs merge, and
// top-value lists merge as Misra-Gries summaries do. Histograms are recomputed from the
// merged sketch. A feature present in only one profile counts as missing in the other.

import { byCountThenLabel } from "./frequent";
import { DriftInputError } from "./errors";
import { histogramsFromSketch } from "./histograms";
import { HyperLogLog } from "./hll";
import { KllSketch } from "./kll";
import {
  PROFILE_FORMAT,
  type CategoricalFeatureProfile,
  type DatasetProfile,
  type FeatureProfile,
  type NumericFeatureProfile,
  type ProfileOptions,
} from "./profile";

const finiteCount = (f: NumericFeatureProfile): number => f.numValues - f.numNan - f.numNegInf - f.numPosInf;

function minOf(x: number | null, y: number | null): number | null {
  return x === null ? y : y === null ? x : Math.min(x, y);
}

function maxOf(x: number | null, y: number | null): number | null {
  return x === null ? y : y === null ? x : Math.max(x, y);
}

function mergeNumeric(a: NumericFeatureProfile, b: NumericFeatureProfile, options: ProfileOptions): NumericFeatureProfile {
  if (!a.sketch || !b.sketch || a.m2 === undefined || b.m2 === undefined) {
    throw new DriftInputError(`Feature "${a.name}" has no sketch state (TFDV statistics), so it cannot be merged.`);
  }
  const na = finiteCount(a);
  const nb = finiteCount(b);
  const n = na + nb;
  const meanA = a.mean ?? 0;
  const meanB = b.mean ?? 0;
  const delta = meanB - meanA;
  const mean = n === 0 ? null : meanA + (delta * nb) / n;
  const m2 = n === 0 ? 0 : a.m2 + b.m2 + (delta * delta * na * nb) / n;
  const sketch = KllSketch.fromState(a.sketch);
  sketch.merge(KllSketch.fromState(b.sketch));
  const summary = {
    min: minOf(a.min, b.min),
    max: maxOf(a.max, b.max),
    numNan: a.numNan + b.numNan,
    numNegInf: a.numNegInf + b.numNegInf,
    numPosInf: a.numPosInf + b.numPosInf,
  };
  return {
    name: a.name,
    type: "numeric",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    numValues: a.numValues + b.numValues,
    zeros: a.zeros + b.zeros,
    ...summary,
    mean,
    stdDev: n === 0 ? null : Math.sqrt(m2 / n),
    m2,
    histograms: histogramsFromSketch(sketch, summary, options),
    sketch: sketch.toState(),
  };
}

// A value absent from a truncated list may still have up to its smallest listed count.
function undercountBound(f: CategoricalFeatureProfile): number {
  const truncated = f.distinctSketch !== undefined && f.topValues.length > 0;
  return f.topValuesError + (truncated ? f.topValues[f.topValues.length - 1].count : 0);
}

function distinctSketchOf(f: CategoricalFeatureProfile): HyperLogLog {
  if (f.distinctSketch !== undefined) return HyperLogLog.fromString(f.distinctSketch);
  if (f.distinct > f.topValues.length) {
    throw new DriftInputError(`Feature "${f.name}" has no distinct-count sketch (TFDV statistics), so it cannot be merged.`);
  }
  // A complete list holds every distinct value: its sketch can be rebuilt exactly.
  const hll = new HyperLogLog();
  for (const { value } of f.topValues) hll.add(value);
  return hll;
}

function mergeCategorical(
  a: CategoricalFeatureProfile,
  b: CategoricalFeatureProfile,
  options: ProfileOptions,
): CategoricalFeatureProfile {
  const counts = new Map<string, number>();
  for (const { value, count } of [...a.topValues, ...b.topValues]) counts.set(value, (counts.get(value) ?? 0) + count);
  const all = [...counts].map(([value, count]) => ({ value, count })).sort(byCountThenLabel);
  const topValues = all.slice(0, options.topK);
  const complete = a.distinctSketch === undefined && b.distinctSketch === undefined && all.length <= options.topK;
  const hll = distinctSketchOf(a);
  hll.merge(distinctSketchOf(b));
  return {
    name: a.name,
    type: "categorical",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    numValues: a.numValues + b.numValues,
    topValues,
    topValuesError: complete ? 0 : undercountBound(a) + undercountBound(b),
    distinct: complete ? all.length : hll.estimate(),
    ...(complete ? {} : { distinctSketch: hll.toString() }),
  };
}

function withMoreMissing(f: FeatureProfile, extra: number): FeatureProfile {
  return structuredClone({ ...f, missing: f.missing + extra });
}

/** Merges two profiles into the profile of both datasets together (within the sketches' error). */
export function mergeProfiles(a: DatasetProfile, b: DatasetProfile): DatasetProfile {
  const options: ProfileOptions = { ...a.options, topK: Math.min(a.options.topK, b.options.topK) };
  const byName = new Map(b.features.map((f) => [f.name, f]));
  const features: FeatureProfile[] = [];
  for (const fa of a.features) {
    const fb = byName.get(fa.name);
    byName.delete(fa.name);
    if (!fb) features.push(withMoreMissing(fa, b.numExamples));
    else if (fa.type === "numeric" && fb.type === "numeric") features.push(mergeNumeric(fa, fb, options));
    else if (fa.type === "categorical" && fb.type === "categorical") features.push(mergeCategorical(fa, fb, options));
    else throw new DriftInputError(`Feature "${fa.name}" is ${fa.type} in one profile and ${fb.type} in the other.`);
  }
  for (const fb of byName.values()) features.push(withMoreMissing(fb, a.numExamples));
  return {
    format: PROFILE_FORMAT,
    ...(a.name !== undefined ? { name: a.name } : {}),
    numExamples: a.numExamples + b.numExamples,
    options,
    features,
  };
}
