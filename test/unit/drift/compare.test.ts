import { describe, expect, it } from "vitest";
import { createProfileBuilder } from "../../../lib/drift/builder";
import {
  DEFAULT_COMPARATORS,
  DEFAULT_MISSING_FRACTION_JUMP,
  DEFAULT_NEW_VALUE_SHARE,
  DEFAULT_THRESHOLDS,
  compareProfiles,
  describeMovedMost,
} from "../../../lib/drift/compare";
import {
  PROFILE_FORMAT,
  type DatasetProfile,
  type FeatureProfile,
  type NumericFeatureProfile,
} from "../../../lib/drift/profile";

function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function build(n: number, seed: number, shift: number, extra: Record<string, unknown> = {}): DatasetProfile {
  const rnd = random(seed);
  const b = createProfileBuilder();
  for (let i = 0; i < n; i++) {
    b.add({
      minutes: rnd() * 60 + shift,
      device: rnd() < 0.7 ? "tv" : rnd() < 0.5 ? "phone" : "web",
      country: rnd() < 0.1 ? null : "SE",
      ...extra,
    });
  }
  return b.finish();
}

describe("compareProfiles", () => {
  it("uses TFDV's defaults: L-infinity for categorical, JSD for numeric, 0.1, strictly greater", () => {
    expect(DEFAULT_COMPARATORS).toEqual({ categorical: "l_infinity", numeric: "jensen_shannon" });
    expect(DEFAULT_THRESHOLDS.l_infinity).toBe(0.1);
    expect(DEFAULT_THRESHOLDS.jensen_shannon).toBe(0.1);
    expect([DEFAULT_NEW_VALUE_SHARE, DEFAULT_MISSING_FRACTION_JUMP]).toEqual([0.01, 0.05]);
    const report = compareProfiles(build(20_000, 1, 0), build(20_000, 2, 30));
    const minutes = report.features.find((f) => f.name === "minutes")!;
    expect(minutes).toMatchObject({ type: "numeric", comparator: "jensen_shannon", threshold: 0.1, anomaly: true });
    expect(minutes.movedMost).toMatchObject({ kind: "range" });
    const device = report.features.find((f) => f.name === "device")!;
    expect(device).toMatchObject({ comparator: "l_infinity", anomaly: false });
    expect(device.distance!).toBeLessThan(0.02);
    expect(report.anomalyCount).toBe(1);
  });

  it("finds nothing between two samples of one distribution", () => {
    const report = compareProfiles(build(20_000, 1, 0), build(20_000, 9, 0));
    expect(report.anomalyCount).toBe(0);
    expect(report.features.find((f) => f.name === "minutes")!.distance!).toBeLessThan(0.01);
    expect(report.schemaAnomalies).toEqual([]);
  });

  it("applies per-feature comparators and thresholds, even for a feature named like an Object member", () => {
    const base = build(5000, 1, 0, { constructor: "a" });
    const target = build(5000, 2, 5, { constructor: "a" });
    const report = compareProfiles(base, target, {
      features: { minutes: { comparator: "wasserstein", threshold: 0.05 }, device: { comparator: "psi" } },
      thresholds: { psi: 0.5 },
    });
    const minutes = report.features.find((f) => f.name === "minutes")!;
    expect(minutes.comparator).toBe("wasserstein");
    // Shift of 5 on a uniform of width 60: W1 ≈ 5, σ ≈ 17.3.
    expect(minutes.distance!).toBeCloseTo(5 / (60 / Math.sqrt(12)), 1);
    expect(minutes.anomaly).toBe(true);
    expect(report.features.find((f) => f.name === "device")).toMatchObject({ comparator: "psi", threshold: 0.5, anomaly: false });
    expect(report.features.find((f) => f.name === "constructor")).toMatchObject({ comparator: "l_infinity", distance: 0 });
  });

  it("reports a comparator that does not fit the feature instead of a distance", () => {
    const report = compareProfiles(build(100, 1, 0), build(100, 2, 0), {
      features: { minutes: { comparator: "l_infinity" }, device: { comparator: "wasserstein" } },
    });
    expect(report.features.find((f) => f.name === "minutes")).toMatchObject({ distance: null, anomaly: false, error: "l_infinity compares categorical features." });
    expect(report.features.find((f) => f.name === "device")).toMatchObject({ distance: null, error: "The Wasserstein distance compares numeric features." });
  });

  it("lists schema anomalies: missing, new, type change, new values, missing-fraction jump", () => {
    const base = build(1000, 1, 0, { gone: 1, kind: "x" });
    const rnd = random(4);
    const b = createProfileBuilder();
    for (let i = 0; i < 1000; i++) {
      b.add({ minutes: rnd() * 60, device: i % 20 === 0 ? "car" : i % 200 === 1 ? "watch" : "tv", country: i % 2 ? null : "SE", kind: 3, fresh: "y" });
    }
    const report = compareProfiles(base, b.finish());
    expect(report.schemaAnomalies).toEqual([
      { kind: "new_values", feature: "device", values: [{ value: "car", share: 0.05 }], share: 0.05 },
      { kind: "missing_fraction_jump", feature: "country", baseline: expect.closeTo(0.1, 1), target: 0.5 },
      { kind: "missing_in_target", feature: "gone", type: "numeric" },
      { kind: "type_changed", feature: "kind", baselineType: "categorical", targetType: "numeric" },
      { kind: "new_in_target", feature: "fresh", type: "categorical" },
    ]);
    expect(report.features.map((f) => f.name)).not.toContain("kind");
    expect(report.features.find((f) => f.name === "device")!.movedMost).toMatchObject({ kind: "value", label: "tv" });
  });

  it("describes what moved most in words", () => {
    expect(describeMovedMost({ kind: "value", label: "tv", baselineShare: 0.7, targetShare: 0.5 })).toBe("tv");
    expect(describeMovedMost({ kind: "range", low: 1, high: 2.5, baselineShare: 0, targetShare: 1 })).toBe("[1, 2.5]");
    expect(describeMovedMost({ kind: "range", low: 3, high: 3, baselineShare: 0, targetShare: 1 })).toBe("3");
    expect(describeMovedMost({ kind: "special", value: "NaN", baselineShare: 0, targetShare: 1 })).toBe("NaN");
  });

  // Its speed is measured by `npm run bench:validation`, not here.
  it("compares two 500-feature profiles, giving a result for every feature", () => {
    const make = (seed: number): DatasetProfile => {
      const rnd = random(seed);
      const features: FeatureProfile[] = [];
      for (let i = 0; i < 250; i++) {
        const topValues = Array.from({ length: 1000 }, (_, j) => ({ value: `value-${i}-${(j * 7 + seed) % 1100}`, count: 2000 - j }));
        features.push({ name: `cat_${i}`, type: "categorical", count: 1e6, missing: 0, numValues: 1e6, topValues, topValuesError: 0, distinct: 5000 });
        const shift = rnd();
        const buckets = Array.from({ length: 10 }, (_, j) => ({ low: j + shift, high: j + 1 + shift, count: 1000 + rnd() * 100 }));
        const histogram = (type: "STANDARD" | "QUANTILES") => ({ type, buckets, numNan: 0 });
        const num: NumericFeatureProfile = {
          name: `num_${i}`, type: "numeric", count: 1e6, missing: 0, numValues: 1e6, zeros: 0, numNan: 0, numNegInf: 0, numPosInf: 0,
          min: shift, max: 10 + shift, mean: 5 + shift, stdDev: 2.9, histograms: [histogram("STANDARD"), histogram("QUANTILES")],
        };
        features.push(num);
      }
      return { format: PROFILE_FORMAT, numExamples: 1e6, options: { histogramBuckets: 10, quantileBuckets: 10, topK: 1000 }, features };
    };
    const [a, b] = [make(1), make(2)];
    const report = compareProfiles(a, b);
    expect(report.features).toHaveLength(500);
    expect(report.features.every((f) => f.distance !== null && f.distance >= 0 && f.distance <= 1)).toBe(true);
  });
});
