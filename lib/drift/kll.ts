// A small KLL quantile sketch (Karnin, Lang, Liberty 2016), deterministic: the coin that
// picks odd or even items at each compaction comes from a seeded xorshift32 kept in the
// state, so the same rows in the same order always give the same sketch.
//
// Values arrive in batches (the profile builder buffers a thousand at a time); a batch is
// sorted and merged in as one run, so a compaction costs one pass over typed arrays, and a
// run far larger than level 0's capacity is compacted in one step per level: fewer
// compactions, hence less error, than item-by-item insertion.

import type { QuantileSketchState } from "./profile";

const EMPTY = new Float64Array(0);
const MIN_WIDTH = 8;
const SHRINK = 2 / 3;
export const DEFAULT_SKETCH_K = 256;

function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}

/** KLL quantile sketch over finite doubles, with JSON state. */
export class KllSketch {
  readonly k: number;
  n = 0;
  private seed: number;
  private levels: Float64Array[] = [EMPTY];

  constructor(k: number = DEFAULT_SKETCH_K, seed = 0x9e3779b9) {
    this.k = Math.max(MIN_WIDTH, Math.floor(k));
    this.seed = seed >>> 0 || 1;
  }

  /** Rebuilds a sketch from its JSON state. */
  static fromState(state: QuantileSketchState): KllSketch {
    const s = new KllSketch(state.k, state.seed);
    s.n = state.n;
    s.levels = state.levels.length ? state.levels.map((l) => Float64Array.from(l)) : [EMPTY];
    return s;
  }

  /** The JSON-serialisable state (a copy). */
  toState(): QuantileSketchState {
    return { k: this.k, n: this.n, levels: this.levels.map((l) => Array.from(l)), seed: this.seed };
  }

  /**
   * Adds the first `count` finite values of `values`, in any order (the array is reordered).
   * Once the lowest levels have shrunk to the minimum width, the sketch keeps one value,
   * picked at random, per block of 2^s (the sampler of the KLL paper): unbiased for
   * every rank and far cheaper than sorting values that compaction would discard anyway.
   */
  addValues(values: Float64Array, count: number): void {
    if (count <= 0) return;
    const s = this.samplerLevel();
    const width = 2 ** s;
    const blocks = s === 0 ? 0 : Math.floor(count / width);
    for (let b = 0; b < blocks; b++) values[b] = values[b * width + (this.nextInt() & (width - 1))];
    if (blocks > 0) this.insert(s, values.subarray(0, blocks).sort());
    this.insert(0, values.subarray(blocks * width, count).sort());
    this.n += count;
    this.compress();
  }

  private insert(level: number, sorted: Float64Array): void {
    if (sorted.length === 0) return;
    while (this.levels.length <= level) this.levels.push(EMPTY);
    this.levels[level] = mergeSorted(this.levels[level], Float64Array.from(sorted));
  }

  // Levels at depth ≥ floorDepth sit at the minimum width; all but the top one of those
  // become the sampler.
  private samplerLevel(): number {
    let floorDepth = 0;
    while (Math.ceil(this.k * SHRINK ** floorDepth) > MIN_WIDTH) floorDepth++;
    return Math.max(0, this.levels.length - 1 - floorDepth);
  }

  /** Folds another sketch into this one (KLL merges level by level, then compacts). */
  merge(other: KllSketch): void {
    for (let h = 0; h < other.levels.length; h++) {
      if (h === this.levels.length) this.levels.push(EMPTY);
      this.levels[h] = mergeSorted(this.levels[h], other.levels[h]);
    }
    this.n += other.n;
    this.seed = (Math.imul(this.seed ^ other.seed, 0x85ebca6b) >>> 0) || 1;
    this.compress();
  }

  /** Items retained across levels (the sketch's memory). */
  get retained(): number {
    let total = 0;
    for (const l of this.levels) total += l.length;
    return total;
  }

  /** Retained items sorted by value, with their weights (the weights sum to n). */
  weightedItems(): { values: Float64Array; weights: Float64Array } {
    const order: [number, number][] = [];
    this.levels.forEach((level, h) => level.forEach((v) => order.push([v, 2 ** h])));
    order.sort((x, y) => x[0] - y[0]);
    return {
      values: Float64Array.from(order, (x) => x[0]),
      weights: Float64Array.from(order, (x) => x[1]),
    };
  }

  private capacity(h: number): number {
    const depth = this.levels.length - 1 - h;
    return Math.max(MIN_WIDTH, Math.ceil(this.k * SHRINK ** depth));
  }

  private nextInt(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0 || 1;
    return this.seed >>> 8;
  }

  // Halves level h into h+1. An odd item out (the smallest) stays behind, so the total
  // weight is preserved exactly and still sums to n.
  private compact(h: number): void {
    const level = this.levels[h];
    const odd = level.length & 1;
    const half = (level.length - odd) >> 1;
    const offset = odd + (this.nextInt() & 1);
    const promoted = new Float64Array(half);
    for (let i = 0; i < half; i++) promoted[i] = level[offset + 2 * i];
    this.levels[h] = odd ? level.slice(0, 1) : EMPTY;
    if (h + 1 === this.levels.length) this.levels.push(EMPTY);
    this.levels[h + 1] = mergeSorted(this.levels[h + 1], promoted);
  }

  private compress(): void {
    // Growing a level shrinks the capacities below it, so sweep until nothing overflows.
    for (let changed = true; changed; ) {
      changed = false;
      for (let h = 0; h < this.levels.length; h++) {
        if (this.levels[h].length > this.capacity(h)) {
          this.compact(h);
          changed = true;
        }
      }
    }
  }
}
