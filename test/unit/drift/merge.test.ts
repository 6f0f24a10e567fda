import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createProfileBuilder } from "../../../lib/drift/builder";
import { DriftInputError } from "../../../lib/drift/errors";
import { sketchQuantile } from "../../../lib/drift/histograms";
import { KllSketch } from "../../../lib/drift/kll";
import { mergeProfiles } from "../../../lib/drift/merge";
import type { CategoricalFeatureProfile, DatasetProfile, NumericFeatureProfile } from "../../../lib/drift/profile";
import { readTfdvStatistics } from "../../../lib/drift/tfdv";

function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const num = (p: DatasetProfile, name: string) => p.features.find((f) => f.name === name) as NumericFeatureProfile;
const cat = (p: DatasetProfile, name: string) => p.features.find((f) => f.name === name) as CategoricalFeatureProfile;
const countries = ["SE", "DE", "US", "BR", "JP", "IN", "FR"];

function rows(n: number, seed: number): Record<string, unknown>[] {
  const rnd = random(seed);
  return Array.from({ length: n }, (_, i) => ({
    latency: rnd() < 0.02 ? null : Math.exp(rnd() * 4),
    country: countries[Math.floor(rnd() * rnd() * countries.length)],
    ...(i % 3 === 0 ? { session: `s${Math.floor(rnd() * 20_000)}` } : {}),
    ...(i >= n / 2 ? { late: 1 } : {}),
  }));
}

function profile(data: Record<string, unknown>[]): DatasetProfile {
  const b = createProfileBuilder();
  for (const row of data) b.add(row);
  return b.finish();
}

describe("mergeProfiles", () => {
  const data = rows(60_000, 5);
  const whole = profile(data);
  const merged = mergeProfiles(profile(data.slice(0, 25_000)), profile(data.slice(25_000)));

  it("adds counts exactly and combines min, max, mean and σ (Chan)", () => {
    const [m, w] = [num(merged, "latency"), num(whole, "latency")];
    expect(merged.numExamples).toBe(60_000);
    for (const key of ["count", "missing", "numValues", "zeros", "numNan", "min", "max"] as const) expect(m[key]).toBe(w[key]);
    expect(m.mean!).toBeCloseTo(w.mean!, 10);
    expect(m.stdDev!).toBeCloseTo(w.stdDev!, 10);
    expect(m.sketch!.n).toBe(w.sketch!.n);
  });

  it("keeps quantiles within the sketch's error", () => {
    const sorted = data.map((r) => r.latency).filter((x): x is number => typeof x === "number").sort((a, b) => a - b);
    const m = num(merged, "latency");
    const sketch = KllSketch.fromState(m.sketch!);
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      const estimate = sketchQuantile(sketch, m.min!, m.max!, q);
      const rank = sorted.findIndex((v) => v >= estimate) / sorted.length;
      expect(Math.abs(rank - q)).toBeLessThan(0.02);
    }
    // Bucket masses of the STANDARD histogram agree within 1 % of the values.
    m.histograms[0].buckets.forEach((b, i) => {
      expect(Math.abs(b.count - num(whole, "latency").histograms[0].buckets[i].count)).toBeLessThan(0.01 * sorted.length);
    });
  });

  it("merges categorical counts exactly below capacity and estimates distinct values", () => {
    expect(cat(merged, "country").topValues).toEqual(cat(whole, "country").topValues);
    expect(cat(merged, "country").distinct).toBe(cat(whole, "country").distinct);
    const session = cat(merged, "session");
    expect(session.count).toBe(cat(whole, "session").count);
    expect(session.topValues.length).toBeLessThanOrEqual(1000);
    expect(Math.abs(session.distinct - cat(whole, "session").distinct) / cat(whole, "session").distinct).toBeLessThan(0.05);
  });

  it("counts a feature absent from one side as missing there", () => {
    expect(num(merged, "late")).toMatchObject({ count: 30_000, missing: 30_000 });
    expect(num(whole, "late")).toMatchObject({ count: 30_000, missing: 30_000 });
  });

  it("refuses type conflicts and statistics without sketch state", () => {
    expect(() => mergeProfiles(profile([{ a: 1 }]), profile([{ a: "x" }]))).toThrow(DriftInputError);
    const taxi = readTfdvStatistics(
      JSON.parse(readFileSync(new URL("../../fixtures/tfdv/tfx_taxi_stats_eval.json", import.meta.url), "utf8")),
    )[0];
    expect(() => mergeProfiles(taxi, taxi)).toThrow(/cannot be merged/);
  });
});
