// Per-feature streaming state of the profile builder. The hot path (one call per value)
// allocates nothing for numbers and already-seen strings: numbers go into a typed buffer
// that is summarised, sorted and handed to the sketch a thousand at a time.

import { FrequentItems } from "./frequent";
import { histogramsFromSketch } from "./histograms";
import { KllSketch } from "./kll";
import type { CategoricalFeatureProfile, NumericFeatureProfile, ProfileOptions } from "./profile";

const BUFFER_SIZE = 1024;

// Coerces a value of a numeric feature. Booleans count as 0/1; a string that is not a number
// becomes NaN (it is "not a number"); objects and null are not values.
function toNumber(v: unknown): number | undefined {
  switch (typeof v) {
    case "number":
      return v;
    case "string":
      return v.trim() === "" ? NaN : Number(v);
    case "boolean":
      return v ? 1 : 0;
    case "bigint":
      return Number(v);
    default:
      return undefined;
  }
}

function toLabel(v: unknown): string | undefined {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
    case "boolean":
    case "bigint":
      return String(v);
    default:
      return undefined;
  }
}

/** Streaming state of one numeric feature: counts, min/max, mean and M2, KLL sketch. */
export class NumericAccumulator {
  present = 0;
  numValues = 0;
  zeros = 0;
  numNan = 0;
  numNegInf = 0;
  numPosInf = 0;
  finite = 0;
  mean = 0;
  m2 = 0;
  min = Infinity;
  max = -Infinity;
  readonly sketch: KllSketch;
  private readonly buffer = new Float64Array(BUFFER_SIZE);
  private length = 0;

  constructor(readonly name: string, sketchK: number, seed: number) {
    this.sketch = new KllSketch(sketchK, seed);
  }

  /** Records one example's value (a number, numeric string, boolean or a list of them). */
  add(v: unknown): void {
    if (typeof v === "number") {
      this.present++;
      this.buffer[this.length++] = v;
      if (this.length === BUFFER_SIZE) this.flush();
      return;
    }
    if (Array.isArray(v)) {
      this.present++;
      for (const item of v) this.push(toNumber(item));
      return;
    }
    const x = toNumber(v);
    if (x === undefined) return;
    this.present++;
    this.push(x);
  }

  private push(x: number | undefined): void {
    if (x === undefined) return;
    this.buffer[this.length++] = x;
    if (this.length === BUFFER_SIZE) this.flush();
  }

  /** Summarises the buffered values: counts, min/max, Chan's merge of mean and M2, sketch. */
  flush(): void {
    const buf = this.buffer;
    const len = this.length;
    this.length = 0;
    this.numValues += len;
    let n = 0;
    let sum = 0;
    for (let i = 0; i < len; i++) {
      const x = buf[i];
      if (x !== x) this.numNan++;
      else if (x === Infinity) this.numPosInf++;
      else if (x === -Infinity) this.numNegInf++;
      else {
        buf[n++] = x; // compact the finite values to the front, in place
        sum += x;
        if (x === 0) this.zeros++;
      }
    }
    if (n === 0) return;
    const batchMean = sum / n;
    let batchM2 = 0;
    let min = this.min;
    let max = this.max;
    for (let i = 0; i < n; i++) {
      const x = buf[i];
      batchM2 += (x - batchMean) * (x - batchMean);
      if (x < min) min = x;
      if (x > max) max = x;
    }
    this.min = min;
    this.max = max;
    const total = this.finite + n;
    const delta = batchMean - this.mean;
    this.mean += (delta * n) / total;
    this.m2 += batchM2 + (delta * delta * this.finite * n) / total;
    this.finite = total;
    this.sketch.addValues(buf, n);
  }

  /** The feature's profile for `rows` examples; flushes the buffer first. */
  toProfile(rows: number, options: ProfileOptions): NumericFeatureProfile {
    this.flush();
    const has = this.finite > 0;
    const summary = {
      min: has ? this.min : null,
      max: has ? this.max : null,
      numNan: this.numNan,
      numNegInf: this.numNegInf,
      numPosInf: this.numPosInf,
    };
    return {
      name: this.name,
      type: "numeric",
      count: this.present,
      missing: rows - this.present,
      numValues: this.numValues,
      zeros: this.zeros,
      ...summary,
      mean: has ? this.mean : null,
      stdDev: has ? Math.sqrt(this.m2 / this.finite) : null,
      m2: this.m2,
      histograms: histogramsFromSketch(this.sketch, summary, options),
      sketch: this.sketch.toState(),
    };
  }
}

/** Streaming state of one categorical feature: bounded frequent items and distinct count. */
export class CategoricalAccumulator {
  present = 0;
  readonly items: FrequentItems;

  constructor(readonly name: string, capacity: number) {
    this.items = new FrequentItems(capacity);
  }

  /** Records one example's value (a string, or a number/boolean label, or a list of them). */
  add(v: unknown): void {
    if (typeof v === "string") {
      this.present++;
      this.items.add(v);
      return;
    }
    if (Array.isArray(v)) {
      this.present++;
      for (const item of v) {
        const label = toLabel(item);
        if (label !== undefined) this.items.add(label);
      }
      return;
    }
    const label = toLabel(v);
    if (label === undefined) return;
    this.present++;
    this.items.add(label);
  }

  /** The feature's profile for `rows` examples. */
  toProfile(rows: number, options: ProfileOptions): CategoricalFeatureProfile {
    const items = this.items;
    const topValues = items.top(options.topK);
    const complete = !items.purged && items.size === topValues.length;
    return {
      name: this.name,
      type: "categorical",
      count: this.present,
      missing: rows - this.present,
      numValues: items.total,
      topValues,
      topValuesError: items.error,
      distinct: items.purged ? items.distinct.estimate() : items.size,
      ...(complete ? {} : { distinctSketch: items.distinct.toString() }),
    };
  }
}

export type Accumulator = NumericAccumulator | CategoricalAccumulator;
