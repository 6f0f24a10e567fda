import { describe, expect, it } from "vitest";
import { createProfileBuilder } from "../../../lib/drift/builder";
import type { CategoricalFeatureProfile, NumericFeatureProfile } from "../../../lib/drift/profile";
import { numericSummary, overlayHistograms, overlayValues } from "../../../lib/server/validation/feature-overlay";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("overlayHistograms", () => {
  it("puts both sides on one equal-width grid over both ranges, each normalised to its own values", () => {
    const training = { buckets: [{ low: 0, high: 8, count: 100 }] };
    const serving = { buckets: [{ low: 0, high: 1000, count: 30 }, { low: 1000, high: 2000, count: 10 }] };
    const { bins, special } = overlayHistograms(training, serving, 20);
    expect(bins).toHaveLength(20);
    expect(bins[0].low).toBe(0);
    expect(bins[19].high).toBe(2000);
    expect(bins[0].baseline).toBeCloseTo(1, 12);
    expect(sum(bins.map((b) => b.target))).toBeCloseTo(1, 12);
    // Uniform density: the first serving bucket spreads over ten bins of 100.
    expect(bins[0].target).toBeCloseTo(0.075, 12);
    expect(bins[15].target).toBeCloseTo(0.025, 12);
    expect(special).toEqual([]);
  });

  it("keeps NaN and infinities apart, as shares of all values", () => {
    const a = { buckets: [{ low: 0, high: 1, count: 6 }, { low: Infinity, high: Infinity, count: 2 }], numNan: 2 };
    const { bins, special } = overlayHistograms(a, a, 4);
    expect(sum(bins.map((b) => b.baseline))).toBeCloseTo(0.6, 12);
    expect(special).toEqual([
      { label: "Infinity", baseline: 0.2, target: 0.2 },
      { label: "NaN", baseline: 0.2, target: 0.2 },
    ]);
  });

  it("draws a constant feature as one bin, and nothing without finite values", () => {
    expect(overlayHistograms({ buckets: [{ low: 3, high: 3, count: 5 }] }, { buckets: [{ low: 3, high: 3, count: 2 }] }).bins).toEqual([{ low: 3, high: 3, baseline: 1, target: 1 }]);
    expect(overlayHistograms(undefined, undefined)).toEqual({ bins: [], special: [] });
  });
});

describe("overlayValues and numericSummary", () => {
  const profile = (rows: Record<string, unknown>[]) => {
    const b = createProfileBuilder();
    rows.forEach((r) => b.add(r));
    return b.finish();
  };

  it("lists values by the larger share, flags values the baseline never had, and sums to one with the rest", () => {
    const a = profile([...Array(60).fill({ d: "ios" }), ...Array(40).fill({ d: "android" })]).features[0] as CategoricalFeatureProfile;
    const b = profile([...Array(50).fill({ d: "ios" }), ...Array(30).fill({ d: "android" }), ...Array(20).fill({ d: "car" })]).features[0] as CategoricalFeatureProfile;
    const o = overlayValues(a, b, 2);
    expect(o.values).toEqual([
      { value: "ios", baseline: 0.6, target: 0.5, isNew: false },
      { value: "android", baseline: 0.4, target: 0.3, isNew: false },
    ]);
    expect(o.otherBaseline).toBe(0);
    expect(o.otherTarget).toBeCloseTo(0.2, 12);
    expect(overlayValues(a, b).values.find((v) => v.value === "car")).toEqual({ value: "car", baseline: 0, target: 0.2, isNew: true });
  });

  it("reads the median off the QUANTILES histogram", () => {
    const f = profile(Array.from({ length: 1001 }, (_, i) => ({ x: i }))).features[0] as NumericFeatureProfile;
    const s = numericSummary(f);
    expect(s).toMatchObject({ count: 1001, min: 0, max: 1000, mean: 500 });
    expect(Math.abs(s.median! - 500)).toBeLessThan(15);
  });
});
