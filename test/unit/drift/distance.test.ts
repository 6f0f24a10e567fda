import { describe, expect, it } from "vitest";
import {
  DriftInputError,
  compareUtf8,
  isAnomaly,
  jensenShannonDivergence,
  lInfinityDistance,
  normalizedAbsoluteDifference,
  normalizedWassersteinDistance,
  populationStabilityIndex,
  type Histogram,
} from "../../../lib/drift/distance";

const std = (buckets: [number, number, number][], numNan?: number): Histogram => ({
  type: "STANDARD",
  buckets: buckets.map(([low, high, count]) => ({ low, high, count })),
  ...(numNan !== undefined ? { numNan } : {}),
});

// Cases of tensorflow_data_validation/anomalies/metrics_test.cc (LInftyDistanceTest.All).
describe("lInfinityDistance (TFDV metrics_test)", () => {
  it.each([
    ["Two empty maps", {}, {}, 0],
    ["Normal distribution.", { hello: 0.1, world: 0.9 }, { hello: 0.3, world: 0.7 }, 0.2],
    ["Missing value in both.", { b: 0.9, c: 0.1 }, { a: 0.3, b: 0.7 }, 0.3],
    ["Missing value in both, flipped.", { a: 0.3, b: 0.7 }, { b: 0.9, c: 0.1 }, 0.3],
  ])("%s", (_name, training, serving, expected) => {
    expect(lInfinityDistance(training, serving).value).toBeCloseTo(expected, 5);
  });

  it("gives no label for two empty maps", () => {
    expect(lInfinityDistance({}, {})).toEqual({ value: 0, label: null });
  });

  it("reports the label of the largest difference", () => {
    expect(lInfinityDistance({ b: 0.9, c: 0.1 }, { a: 0.3, b: 0.7 }).label).toBe("a");
  });

  it("breaks ties towards the byte-wise last label, as GetLInftyNorm's >= over a std::map", () => {
    expect(lInfinityDistance({ a: 1, b: 0 }, { a: 0, b: 1 })).toEqual({ value: 1, label: "b" });
    expect(lInfinityDistance({ b: 0, a: 1 }, { b: 1, a: 0 })).toEqual({ value: 1, label: "b" });
    // All differences 0: the last label still replaces the initial empty entry.
    expect(lInfinityDistance({ x: 1, y: 1 }, { x: 2, y: 2 })).toEqual({ value: 0, label: "y" });
  });

  it("orders labels by UTF-8 bytes, not UTF-16 units", () => {
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5A in UTF-8.
    expect(compareUtf8("\u{1F600}", "\uFF5A")).toBeGreaterThan(0);
    expect(compareUtf8("é", "z")).toBeGreaterThan(0);
    expect(lInfinityDistance({ "\uFF5A": 1, "\u{1F600}": 0 }, { "\uFF5A": 0, "\u{1F600}": 1 }).label).toBe("\u{1F600}");
  });

  it("treats a map summing to 0 as unnormalised (map_util.cc Normalize)", () => {
    expect(lInfinityDistance({ a: 0 }, { a: 2, b: 2 })).toEqual({ value: 0.5, label: "b" });
  });
});

describe("normalizedAbsoluteDifference", () => {
  it("scales by the combined total: 45/66 for the same distribution at different scales", () => {
    // drift-math.md §1.4: the expected 0.68181818 is 45/66 (the test's comment says 45/60).
    const r = normalizedAbsoluteDifference({ hello: 5, world: 1 }, { hello: 50, world: 10 });
    expect(r.value).toBeCloseTo(0.68181818, 8);
    expect(r.label).toBe("hello");
    expect(lInfinityDistance({ hello: 5, world: 1 }, { hello: 50, world: 10 }).value).toBeCloseTo(0, 12);
  });

  it("is 0 for two empty maps", () => {
    expect(normalizedAbsoluteDifference({}, {})).toEqual({ value: 0, label: null });
  });
});

// Cases of metrics_test.cc (JensenShannonDivergence.*).
describe("jensenShannonDivergence, numeric path (TFDV metrics_test)", () => {
  const same = std([
    [1.0, 2.3333333, 2.9866667],
    [2.3333333, 3.6666667, 1.0066667],
    [3.6666667, 5.0, 2.0066667],
  ]);

  it("SameStatistics: identical histograms without NaN give 0", () => {
    expect(jensenShannonDivergence(same, same)).toBeCloseTo(0, 12);
  });

  it("SameStatistics with num_nan 1: NaN buckets never match (current AlignHistograms), 1/7 here", () => {
    // The older test expected 0; metrics.cc now appends (0, nan) and (nan, 0).
    const withNan = { ...same, numNan: 1 };
    const total = same.buckets.reduce((s, b) => s + b.count, 0) + 1;
    expect(jensenShannonDivergence(withNan, withNan)).toBeCloseTo(1 / total, 12);
  });

  it("DifferentBucketBoundaries: 0.65563906222", () => {
    const a = std([[1, 2, 2], [2, 3, 2]]);
    const b = std([[2, 4, 2], [4, 6, 2]]);
    expect(jensenShannonDivergence(a, b)).toBeCloseTo(0.65563906222, 10);
  });

  it("NoOverlap: 1", () => {
    expect(jensenShannonDivergence(std([[0, 1, 2], [1, 2, 2]]), std([[3, 4, 2], [4, 6, 2]]))).toBeCloseTo(1, 12);
  });

  it("OneHasAllValuesInOneBucket, BothHaveAllValuesInOneBucket, OneHasOneBucketTheOtherHasMany: 1", () => {
    expect(jensenShannonDivergence(std([[1, 1, 4]]), std([[2, 4, 2], [4, 6, 2]]))).toBeCloseTo(1, 12);
    expect(jensenShannonDivergence(std([[1, 1, 4]]), std([[2, 2, 4]]))).toBeCloseTo(1, 12);
    // A point mass inside a range bucket is never merged with it.
    expect(jensenShannonDivergence(std([[10, 10, 21]]), std([[0, 4, 150], [4, 12, 200], [12, 20, 20]]))).toBeCloseTo(1, 12);
  });

  it("EmptyHistogram: InvalidArgument", () => {
    const nonEmpty = std([[0, 4, 10]]);
    expect(() => jensenShannonDivergence({ buckets: [] }, nonEmpty)).toThrow(DriftInputError);
    expect(() => jensenShannonDivergence(nonEmpty, std([[0, 4, 0]]))).toThrow("Unable to normalize an empty histogram");
  });

  it("WithNaNs: 0.13792538096", () => {
    expect(jensenShannonDivergence(std([[1, 2, 3]], 1), std([[1, 2, 4]]))).toBeCloseTo(0.13792538096, 10);
  });

  it("QuantileTypeHistograms: a missing histogram of the selected type is InvalidArgument", () => {
    const q: Histogram = { ...same, type: "QUANTILES" };
    expect(() => jensenShannonDivergence(q, q, { histogramType: "STANDARD" })).toThrow("One or more feature missing data.");
    expect(jensenShannonDivergence(q, q, { histogramType: "QUANTILES" })).toBeCloseTo(0, 12);
    expect(() => jensenShannonDivergence(q, same)).toThrow("Input histograms must have same type.");
  });
});

describe("jensenShannonDivergence, TFDV's special buckets", () => {
  it("never matches infinite mass, even between identical histograms", () => {
    const h = std([[0, 1, 3], [Infinity, Infinity, 1]]);
    expect(jensenShannonDivergence(h, h)).toBeCloseTo(0.25, 12);
  });

  it("gives 1 for an all-NaN histogram against itself", () => {
    const h = std([], 5);
    expect(jensenShannonDivergence(h, h)).toBe(1);
  });

  it("drops num_nan when boundaries differ (RebucketHistogram builds fresh histograms)", () => {
    const plain = jensenShannonDivergence(std([[0, 1, 4]]), std([[0, 2, 4]]));
    expect(jensenShannonDivergence(std([[0, 1, 4]], 4), std([[0, 2, 4]]))).toBe(plain);
  });

  it("matches point masses only at the same value", () => {
    expect(jensenShannonDivergence(std([[1, 1, 4]]), std([[1, 1, 8]]))).toBe(0);
  });
});

describe("jensenShannonDivergence, categorical path", () => {
  it("follows the definition in base 2", () => {
    const p = [0.5, 0.5];
    const m = [0.75, 0.25];
    const expected = (p[0] * Math.log2(p[0] / m[0]) + p[1] * Math.log2(p[1] / m[1]) + Math.log2(1 / m[0])) / 2;
    expect(jensenShannonDivergence({ a: 1, b: 1 }, { a: 3 })).toBeCloseTo(expected, 14);
  });

  it("is 1 for disjoint maps and 0 for proportional ones", () => {
    expect(jensenShannonDivergence({ a: 1 }, { b: 1 })).toBe(1);
    expect(jensenShannonDivergence({ a: 1, b: 3 }, { a: 2, b: 6 })).toBeCloseTo(0, 14);
  });

  it("rejects empty maps, non-positive counts and mixed inputs", () => {
    expect(() => jensenShannonDivergence({}, { a: 1 })).toThrow("Input maps must not be empty.");
    expect(() => jensenShannonDivergence({ a: 0 }, { a: 1 })).toThrow("Sample count is a non-positive value.");
    expect(() => jensenShannonDivergence({ a: 1 }, std([[0, 1, 1]]))).toThrow("both numeric or both string");
  });
});

describe("populationStabilityIndex (Evidently)", () => {
  it("computes Σ(r−c)·ln(r/c)", () => {
    const expected = 0.25 * Math.log(2) + -0.25 * Math.log(0.5 / 0.75);
    expect(populationStabilityIndex({ a: 1, b: 1 }, { a: 1, b: 3 })).toBeCloseTo(expected, 14);
  });

  it("fills a zero share with 0.0001 on its own side", () => {
    const expected = 0.5 * Math.log(1 / 0.5) + (0.0001 - 0.5) * Math.log(0.0001 / 0.5);
    expect(populationStabilityIndex({ a: 2 }, { a: 1, b: 1 })).toBeCloseTo(expected, 12);
  });

  it("aligns histograms on the union of boundaries and is 0 for identical inputs", () => {
    const h = std([[0, 1, 1], [1, 2, 3]]);
    expect(populationStabilityIndex(h, h)).toBe(0);
    expect(populationStabilityIndex(std([[0, 2, 4]]), std([[0, 1, 2], [1, 2, 2]]))).toBeCloseTo(0, 14);
  });
});

describe("normalizedWassersteinDistance (Evidently, on histograms)", () => {
  it("divides W1 by the baseline's population σ", () => {
    const sigma = 1 / Math.sqrt(12);
    expect(normalizedWassersteinDistance(std([[0, 1, 5]]), std([[1, 2, 5]]))).toBeCloseTo(1 / sigma, 10);
    expect(normalizedWassersteinDistance(std([[0, 1, 5]]), std([[1, 2, 5]]), { baselineStdDev: 2 })).toBeCloseTo(0.5, 12);
  });

  it("integrates |F_a − F_b| with point masses", () => {
    expect(normalizedWassersteinDistance(std([[0, 2, 1]]), std([[1, 1, 1]]), { baselineStdDev: 1 })).toBeCloseTo(0.5, 12);
    expect(normalizedWassersteinDistance(std([[0, 0, 1]]), std([[1, 1, 1]]), { baselineStdDev: 1 })).toBeCloseTo(1, 12);
  });

  it("floors σ at 0.001 and is 0 for identical histograms", () => {
    expect(normalizedWassersteinDistance(std([[3, 3, 1]]), std([[3.001, 3.001, 1]]))).toBeCloseTo(1, 9);
    const h = std([[0, 1, 2], [1, 3, 5]]);
    expect(normalizedWassersteinDistance(h, h)).toBe(0);
  });
});

describe("isAnomaly", () => {
  it("is strictly greater than the threshold", () => {
    expect(isAnomaly(0.1, 0.1)).toBe(false);
    expect(isAnomaly(0.1000001, 0.1)).toBe(true);
    expect(isAnomaly(0, 0)).toBe(false);
  });
});
