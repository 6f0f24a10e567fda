// Streaming profile builder: rows go in one at a time, memory stays bounded by the number of
// features (per numeric feature a 1024-value buffer and a sketch of under a thousand numbers;
// per categorical one at most 4·topK tracked values and 4 KB of HyperLogLog), whatever the
// number of rows.

import { CategoricalAccumulator, NumericAccumulator, type Accumulator } from "./accumulators";
import { hashString } from "./hll";
import { DEFAULT_SKETCH_K } from "./kll";
import {
  DEFAULT_PROFILE_OPTIONS,
  PROFILE_FORMAT,
  type DatasetProfile,
  type FeatureType,
  type ProfileOptions,
} from "./profile";

export type ProfileBuilderOptions = Partial<ProfileOptions> & {
  /** Declared feature types; other features are typed by their first non-null value. */
  types?: Record<string, FeatureType>;
  /** KLL parameter k: larger is more accurate and larger (under 1 % rank error at the default 256). */
  sketchK?: number;
  /** Seed of the sketches' deterministic compaction. */
  seed?: number;
  /** Dataset name recorded in the profile. */
  name?: string;
};

export type ProfileBuilder = {
  /** Adds one row (feature name → value); null and undefined mean missing. */
  add(row: Record<string, unknown>): void;
  /** The profile of the rows so far; the builder stays usable afterwards. */
  finish(): DatasetProfile;
  /** Rows added so far. */
  readonly rows: number;
  /** What the builder holds in memory: sketch items and tracked values per feature. */
  footprint(): { feature: string; retained: number }[];
};

// A number (or numeric list) makes a feature numeric; strings and booleans categorical.
// Nested objects and empty lists say nothing yet, so the feature waits for another value.
function inferType(v: unknown): FeatureType | undefined {
  switch (typeof v) {
    case "number":
    case "bigint":
      return "numeric";
    case "string":
    case "boolean":
      return "categorical";
  }
  if (Array.isArray(v)) {
    for (const item of v) {
      const t = item === null || item === undefined ? undefined : inferType(item);
      if (t) return t;
    }
  }
  return undefined;
}

class Builder implements ProfileBuilder {
  rows = 0;
  private readonly options: ProfileOptions;
  private readonly features = new Map<string, Accumulator>();
  // Rows of one source usually list their keys in the same order: remember the accumulator
  // seen at each position, so most lookups are a pointer comparison instead of a hash.
  private readonly lastKeys: string[] = [];
  private readonly lastAccumulators: (Accumulator | undefined)[] = [];

  constructor(private readonly config: ProfileBuilderOptions) {
    this.options = {
      histogramBuckets: config.histogramBuckets ?? DEFAULT_PROFILE_OPTIONS.histogramBuckets,
      quantileBuckets: config.quantileBuckets ?? DEFAULT_PROFILE_OPTIONS.quantileBuckets,
      topK: config.topK ?? DEFAULT_PROFILE_OPTIONS.topK,
    };
  }

  add(row: Record<string, unknown>): void {
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw new TypeError("A row must be an object of feature values.");
    }
    this.rows++;
    let i = 0;
    for (const key in row) {
      const value = row[key];
      let acc: Accumulator | undefined;
      if (this.lastKeys[i] === key) acc = this.lastAccumulators[i];
      else {
        acc = this.features.get(key);
        this.lastKeys[i] = key;
        this.lastAccumulators[i] = acc;
      }
      if (value !== null && value !== undefined) {
        if (acc === undefined) acc = this.lastAccumulators[i] = this.create(key, value);
        acc?.add(value);
      }
      i++;
    }
  }

  private create(name: string, value: unknown): Accumulator | undefined {
    const existing = this.features.get(name);
    if (existing) return existing;
    const types = this.config.types;
    const type = types && Object.hasOwn(types, name) ? types[name] : inferType(value);
    if (!type) return undefined;
    const acc =
      type === "numeric"
        ? new NumericAccumulator(name, this.config.sketchK ?? DEFAULT_SKETCH_K, hashString(name) ^ (this.config.seed ?? 0))
        : new CategoricalAccumulator(name, 4 * this.options.topK);
    this.features.set(name, acc);
    return acc;
  }

  finish(): DatasetProfile {
    const features = [...this.features.values()].map((acc) => acc.toProfile(this.rows, this.options));
    return {
      format: PROFILE_FORMAT,
      ...(this.config.name !== undefined ? { name: this.config.name } : {}),
      numExamples: this.rows,
      options: { ...this.options },
      features,
    };
  }

  footprint(): { feature: string; retained: number }[] {
    return [...this.features.values()].map((acc) => ({
      feature: acc.name,
      retained: acc instanceof NumericAccumulator ? acc.sketch.retained + 1024 : acc.items.size,
    }));
  }
}

/** Creates a streaming profile builder: add(row) per row, finish() for the profile. */
export function createProfileBuilder(options: ProfileBuilderOptions = {}): ProfileBuilder {
  return new Builder(options);
}
