import { describe, expect, it } from "vitest";
import { createProfileBuilder } from "../../../lib/drift/builder";
import { ProfileFormatError } from "../../../lib/drift/errors";
import { featureQuantile, sketchQuantile } from "../../../lib/drift/histograms";
import { featureDistanceInputs } from "../../../lib/drift/inputs";
import { KllSketch } from "../../../lib/drift/kll";
import type { CategoricalFeatureProfile, DatasetProfile, NumericFeatureProfile } from "../../../lib/drift/profile";
import { parseProfileJson } from "../../../lib/drift/tfdv";
import { validateProfile } from "../../../lib/drift/validate-profile";

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

describe("createProfileBuilder", () => {
  it("types features by their values and counts presence", () => {
    // A declared-types object must not lend its prototype's members ("constructor") as types.
    const b = createProfileBuilder({ types: { tags: "categorical" } });
    b.add({ age: 30, country: "SE", premium: true, tags: ["a", "b"] });
    b.add({ age: null, country: "DE", premium: false, constructor: 2 });
    b.add({ age: 0, country: "SE", extra: { nested: 1 } });
    const p = b.finish();
    expect(p.numExamples).toBe(3);
    expect(p.features.map((f) => [f.name, f.type])).toEqual([
      ["age", "numeric"],
      ["country", "categorical"],
      ["premium", "categorical"],
      ["tags", "categorical"],
      ["constructor", "numeric"],
    ]);
    expect(num(p, "age")).toMatchObject({ count: 2, missing: 1, zeros: 1, min: 0, max: 30, mean: 15, stdDev: 15 });
    expect(cat(p, "country")).toMatchObject({ count: 3, missing: 0, distinct: 2, topValues: [{ value: "SE", count: 2 }, { value: "DE", count: 1 }] });
    expect(cat(p, "premium").topValues).toEqual([{ value: "false", count: 1 }, { value: "true", count: 1 }]);
    expect(cat(p, "tags")).toMatchObject({ count: 1, missing: 2, numValues: 2 });
  });

  it("honours declared types and coerces values to them", () => {
    const b = createProfileBuilder({ types: { zip: "categorical", price: "numeric" } });
    for (const row of [{ zip: 1234, price: "9.5" }, { zip: "01234", price: "n/a" }, { zip: 1234, price: " " }]) b.add(row);
    const p = b.finish();
    expect(cat(p, "zip").topValues).toEqual([{ value: "1234", count: 2 }, { value: "01234", count: 1 }]);
    expect(num(p, "price")).toMatchObject({ count: 3, numNan: 2, mean: 9.5 });
  });

  it("keeps NaN and infinities apart from the finite summary", () => {
    const b = createProfileBuilder();
    for (const x of [1, 2, NaN, Infinity, -Infinity, Infinity, 3]) b.add({ x });
    const x = num(b.finish(), "x");
    expect(x).toMatchObject({ numValues: 7, numNan: 1, numPosInf: 2, numNegInf: 1, min: 1, max: 3, mean: 2 });
    const standard = x.histograms[0];
    expect(standard).toMatchObject({ type: "STANDARD", numNan: 1, numNegInf: 1, numPosInf: 2 });
    expect(standard.buckets.reduce((s, b) => s + b.count, 0)).toBeCloseTo(3, 12);
    const inputs = featureDistanceInputs(x);
    expect(inputs.type === "numeric" && inputs.standard?.buckets.at(-1)).toEqual({ low: Infinity, high: Infinity, count: 2 });
  });

  it("builds TFDV-shaped histograms: equal width on linspace boundaries, equal count quantiles", () => {
    const rnd = random(1);
    const b = createProfileBuilder();
    const n = 50_000;
    for (let i = 0; i < n; i++) b.add({ u: rnd() * 10 - 5 });
    const u = num(b.finish(), "u");
    const [standard, quantiles] = u.histograms;
    const step = (u.max! - u.min!) / 10;
    standard.buckets.forEach((bucket, i) => {
      expect(bucket.low).toBe(i * step + u.min!);
      expect(bucket.count / n).toBeCloseTo(0.1, 1);
    });
    expect(standard.buckets[9].high).toBe(u.max);
    expect(quantiles.buckets).toHaveLength(10);
    for (const bucket of quantiles.buckets) expect(bucket.count).toBe(n / 10);
    expect(quantiles.buckets[5].low).toBeCloseTo(0, 0);
    expect(u.stdDev).toBeCloseTo(10 / Math.sqrt(12), 1);
    expect(featureQuantile(u, 0.5)).toBeCloseTo(0, 0);
    expect(featureQuantile(u, 0.9)).toBeCloseTo(4, 0);
  });

  it("gives one bucket when every value is equal, as generate_equi_width_histogram", () => {
    const b = createProfileBuilder();
    for (let i = 0; i < 5; i++) b.add({ c: 7 });
    const [standard, quantiles] = num(b.finish(), "c").histograms;
    expect(standard.buckets).toEqual([{ low: 7, high: 7, count: 5 }]);
    expect(quantiles.buckets.every((x) => x.low === 7 && x.high === 7 && x.count === 0.5)).toBe(true);
  });

  it("is deterministic and JSON round-trips exactly, as native input", () => {
    const build = () => {
      const rnd = random(7);
      const b = createProfileBuilder({ name: "serving:day" });
      for (let i = 0; i < 20_000; i++) b.add({ x: rnd() ** 3, id: `user-${Math.floor(rnd() * 9000)}` });
      return b.finish();
    };
    const p = build();
    const text = JSON.stringify(p);
    expect(JSON.stringify(build())).toBe(text);
    expect(JSON.parse(text)).toEqual(p);
    expect(validateProfile(JSON.parse(text))).toEqual(p);
    expect(parseProfileJson(text)).toEqual({ source: "native", profile: p });
  });

  it("keeps each serialised feature within a few tens of KB", () => {
    const rnd = random(3);
    const b = createProfileBuilder();
    for (let i = 0; i < 200_000; i++) b.add({ x: rnd() * 1e6, label: `label-${Math.floor(rnd() * 50_000).toString().padStart(12, "0")}` });
    for (const f of b.finish().features) expect(JSON.stringify(f).length).toBeLessThan(60_000);
  });
});

describe("validateProfile", () => {
  const base = (): any => {
    const b = createProfileBuilder();
    for (let i = 0; i < 3000; i++) b.add({ x: i, c: `v${i % 3}` });
    return JSON.parse(JSON.stringify(b.finish()));
  };

  it("names the path at fault", () => {
    const cases: [(p: any) => void, string][] = [
      [(p) => (p.format = "other"), 'format: expected "shelfwatch.profile.v1"'],
      [(p) => (p.features[0].sketch.n += 1), "features[0].sketch.n: does not match the weight of the sketch's levels"],
      [(p) => (p.features[0].sketch.levels.at(-1)[0] = 1e9), `features[0].sketch.levels[${base().features[0].sketch.levels.length - 1}][1]: expected values sorted ascending`],
      [(p) => (p.features[0].histograms[1].buckets[2].count = "x"), "features[0].histograms[1].buckets[2].count: expected a number"],
      [(p) => (p.features[1].topValues[1].value = "v0"), 'features[1].topValues[1].value: duplicate value "v0"'],
      [(p) => (p.features[1].type = "text"), "features[1].type: expected numeric or categorical"],
      [(p) => (p.options.topK = 0), "options.topK: expected an integer from 1 to 100000"],
    ];
    for (const [mutate, message] of cases) {
      const p = base();
      mutate(p);
      expect(() => validateProfile(p)).toThrow(new ProfileFormatError(message.split(": ")[0], message.slice(message.indexOf(": ") + 2)));
    }
  });
});

describe("quantile sketch", () => {
  it("answers quantiles within 1 % rank error on a million values", () => {
    const rnd = random(11);
    const n = 1_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = -Math.log(1 - rnd());
    const sketch = new KllSketch();
    const buf = new Float64Array(1024);
    for (let i = 0; i < n; i += 1024) {
      const c = Math.min(1024, n - i);
      buf.set(values.subarray(i, i + c));
      sketch.addValues(buf, c);
    }
    const sorted = values.slice().sort();
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      const estimate = sketchQuantile(sketch, sorted[0], sorted[n - 1], q);
      const rank = sorted.findIndex((v) => v >= estimate) / n;
      expect(Math.abs(rank - q)).toBeLessThan(0.01);
    }
    expect(sketch.retained).toBeLessThan(1000);
  });
});
