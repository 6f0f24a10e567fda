// Bounded-memory value counts for categorical features: Misra-Gries frequent items with a
// batched purge (as DataSketches' frequent-items sketch does): when the table is full, the
// median count is subtracted from every counter and counters reaching 0 are dropped. Each
// purge frees at least half the table, and a value's count is underestimated by at most the
// sum of subtracted medians (≤ 2·n/capacity). Below `capacity` distinct values, counts are exact.

import { compareUtf8 } from "./categorical";
import { HyperLogLog } from "./hll";

const SAMPLE = 255;

export type ValueCount = { value: string; count: number };

/** Orders by decreasing count, then by label in byte order, so output is deterministic. */
export function byCountThenLabel(x: ValueCount, y: ValueCount): number {
  return y.count - x.count || compareUtf8(x.value, y.value);
}

/** Misra-Gries counters over string values, with a HyperLogLog of every value seen. */
export class FrequentItems {
  readonly capacity: number;
  /** Values seen, including those no longer tracked. */
  total = 0;
  /** Sum of the medians subtracted by purges: the largest possible undercount. */
  error = 0;
  readonly distinct = new HyperLogLog();
  private readonly index = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly counts: Float64Array;
  private readonly free: number[] = [];

  constructor(capacity: number) {
    this.capacity = Math.max(2, Math.floor(capacity));
    this.counts = new Float64Array(this.capacity);
    for (let slot = this.capacity - 1; slot >= 0; slot--) this.free.push(slot);
  }

  /** Values currently tracked. */
  get size(): number {
    return this.index.size;
  }

  /** True once a purge has dropped counters (counts and distinct are then estimates). */
  get purged(): boolean {
    return this.error > 0;
  }

  /** Counts one occurrence of a value: a single hash lookup when the value is tracked. */
  add(value: string): void {
    this.total++;
    const slot = this.index.get(value);
    if (slot !== undefined) {
      this.counts[slot]++;
      return;
    }
    // A value's register update is idempotent, so hashing it only on insertion is enough.
    this.distinct.add(value);
    if (this.index.size === this.capacity) this.purge();
    const free = this.free.pop() as number;
    this.index.set(value, free);
    this.labels[free] = value;
    this.counts[free] = 1;
  }

  private purge(): void {
    // The median of an evenly strided sample of counters, as DataSketches does: sorting
    // every counter would cost more than the purge saves.
    const stride = Math.max(1, Math.floor(this.index.size / SAMPLE));
    const sample = new Float64Array(Math.ceil(this.index.size / stride));
    let i = 0;
    let seen = 0;
    for (const slot of this.index.values()) if (seen++ % stride === 0) sample[i++] = this.counts[slot];
    const sorted = sample.subarray(0, i).sort();
    const median = sorted[sorted.length >> 1];
    for (const [value, slot] of this.index) {
      this.counts[slot] -= median;
      if (this.counts[slot] <= 0) {
        this.index.delete(value);
        this.free.push(slot);
      }
    }
    this.error += median;
  }

  /** The k most frequent tracked values, by decreasing count. */
  top(k: number): ValueCount[] {
    const all: ValueCount[] = [];
    for (const [value, slot] of this.index) all.push({ value, count: this.counts[slot] });
    all.sort(byCountThenLabel);
    return all.length > k ? all.slice(0, k) : all;
  }
}
