import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createProfileBuilder } from "../../../lib/drift/builder";
import {
  DriftInputError,
  jensenShannonDivergence,
  lInfinityDistance,
  normalizedAbsoluteDifference,
  normalizedWassersteinDistance,
  populationStabilityIndex,
  type Histogram,
} from "../../../lib/drift/distance";
import { sketchQuantile } from "../../../lib/drift/histograms";
import { KllSketch } from "../../../lib/drift/kll";
import { mergeProfiles } from "../../../lib/drift/merge";
import type { CategoricalFeatureProfile, NumericFeatureProfile } from "../../../lib/drift/profile";

const label = fc.string({ maxLength: 4 });
const counts = fc.dictionary(label, fc.integer({ min: 0, max: 1000 }), { maxKeys: 12 });
const positiveCounts = fc.dictionary(label, fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minKeys: 1, maxKeys: 12 });

// Histograms of sorted, adjacent finite buckets, sometimes with point, infinite and NaN mass.
const histogram: fc.Arbitrary<Histogram> = fc
  .record({
    bounds: fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 8 }),
    counts: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 100, noNaN: true })), { minLength: 8, maxLength: 8 }),
    point: fc.option(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.double({ min: 0.1, max: 10, noNaN: true }))),
    inf: fc.option(fc.tuple(fc.constantFrom(Infinity, -Infinity), fc.double({ min: 0.1, max: 10, noNaN: true }))),
    numNan: fc.option(fc.integer({ min: 1, max: 5 })),
  })
  .map(({ bounds, counts, point, inf, numNan }) => {
    const b = [...bounds].sort((x, y) => x - y);
    const buckets = b.slice(1).map((high, i) => ({ low: b[i], high, count: counts[i] }));
    if (point) buckets.push({ low: point[0], high: point[0], count: point[1] });
    if (inf) buckets.push({ low: inf[0], high: inf[0], count: inf[1] });
    return { type: "STANDARD" as const, buckets, ...(numNan ? { numNan } : {}) };
  });
const finiteHistogram = histogram.map((h) => ({ type: h.type, buckets: h.buckets.filter((b) => Number.isFinite(b.low)) }));

// Runs a distance, treating TFDV's InvalidArgument cases as "no value".
function attempt(fn: () => number): number | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DriftInputError) return null;
    throw e;
  }
}

describe("distance properties", () => {
  it("L-infinity and NAD: in [0, 1], symmetric (value and label), 0 on identical maps", () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        for (const d of [lInfinityDistance, normalizedAbsoluteDifference]) {
          const ab = d(a, b);
          expect(ab.value).toBeGreaterThanOrEqual(0);
          expect(ab.value).toBeLessThanOrEqual(1);
          expect(d(b, a)).toEqual(ab);
          expect(d(a, a).value).toBe(0);
        }
      }),
    );
  });

  it("categorical JSD: in [0, 1], symmetric, 0 on identical maps", () => {
    fc.assert(
      fc.property(positiveCounts, positiveCounts, (a, b) => {
        const ab = jensenShannonDivergence(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(jensenShannonDivergence(b, a)).toBeCloseTo(ab, 12);
        expect(jensenShannonDivergence(a, a)).toBe(0);
      }),
    );
  });

  it("numeric JSD: capped at 1, symmetric, 0 on identical finite histograms, never 0 with infinite mass", () => {
    fc.assert(
      fc.property(histogram, histogram, (a, b) => {
        const ab = attempt(() => jensenShannonDivergence(a, b));
        const ba = attempt(() => jensenShannonDivergence(b, a));
        expect(ab === null).toBe(ba === null);
        if (ab === null || ba === null) return;
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(ba).toBeCloseTo(ab, 12);
        const aa = attempt(() => jensenShannonDivergence(a, a))!;
        const special = a.buckets.some((x) => !Number.isFinite(x.low)) || (a.numNan ?? 0) > 0;
        if (special) expect(aa).toBeGreaterThan(0);
        else expect(aa).toBeCloseTo(0, 12);
      }),
    );
  });

  it("PSI: non-negative, symmetric, 0 on identical inputs", () => {
    fc.assert(
      fc.property(finiteHistogram, finiteHistogram, (a, b) => {
        const ab = attempt(() => populationStabilityIndex(a, b));
        if (ab === null) return;
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(populationStabilityIndex(b, a)).toBeCloseTo(ab, 9);
        expect(populationStabilityIndex(a, a)).toBeCloseTo(0, 12);
      }),
    );
  });

  it("Wasserstein: non-negative, W1 symmetric, 0 on identical histograms", () => {
    fc.assert(
      fc.property(histogram, histogram, (a, b) => {
        const ab = attempt(() => normalizedWassersteinDistance(a, b, { baselineStdDev: 1 }));
        if (ab === null) return;
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(normalizedWassersteinDistance(b, a, { baselineStdDev: 1 })).toBeCloseTo(ab, 9);
        expect(normalizedWassersteinDistance(a, a)).toBeCloseTo(0, 12);
      }),
    );
  });
});

const value = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, null) },
);

describe("profile properties", () => {
  it("merging the profiles of two halves gives the profile of the whole", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6000 }), fc.nat(), (xs, cut) => {
        const split = cut % (xs.length + 1);
        const build = (part: (number | null)[]) => {
          const b = createProfileBuilder();
          for (const x of part) b.add({ x, c: x === null ? null : String(Math.round(Number(x)) % 5) });
          return b.finish();
        };
        const whole = build(xs);
        const merged = mergeProfiles(build(xs.slice(0, split)), build(xs.slice(split)));
        const [w, m] = [whole, merged].map((p) => p.features.find((f) => f.name === "x") as NumericFeatureProfile | undefined);
        if (!w || !m) {
          expect(m).toEqual(w);
          return;
        }
        for (const key of ["count", "missing", "numValues", "zeros", "numNan", "numNegInf", "numPosInf", "min", "max"] as const) {
          expect(m[key]).toBe(w[key]);
        }
        if (w.mean !== null) expect(Math.abs(m.mean! - w.mean)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(w.stdDev!) + Math.abs(w.mean)));
        if (w.stdDev !== null) expect(Math.abs(m.stdDev! - w.stdDev)).toBeLessThanOrEqual(1e-6 * (1 + w.stdDev));
        const finite = xs.filter((x): x is number => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
        if (finite.length > 0) {
          const sketch = KllSketch.fromState(m.sketch!);
          // Interpolating between neighbouring order statistics may move a rank by 1/n.
          const tolerance = 0.02 + 1 / finite.length;
          for (const q of [0.1, 0.5, 0.9]) {
            const estimate = sketchQuantile(sketch, m.min!, m.max!, q);
            const below = finite.filter((v) => v < estimate).length / finite.length;
            const atOrBelow = finite.filter((v) => v <= estimate).length / finite.length;
            expect(below).toBeLessThanOrEqual(q + tolerance);
            expect(atOrBelow).toBeGreaterThanOrEqual(q - tolerance);
          }
        }
        const [wc, mc] = [whole, merged].map((p) => p.features.find((f) => f.name === "c") as CategoricalFeatureProfile);
        expect(mc.topValues).toEqual(wc.topValues);
      }),
      { numRuns: 60 },
    );
  });

  it("top-K stays bounded, and counts err only downwards, by at most topValuesError", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 5000 }),
        (ids) => {
          const b = createProfileBuilder({ topK: 10 });
          const truth = new Map<string, number>();
          ids.forEach((id, i) => {
            const v = `v${id}`;
            truth.set(v, (truth.get(v) ?? 0) + 1);
            b.add({ v });
            if (i % 97 === 0) expect(b.footprint()[0].retained).toBeLessThanOrEqual(40);
          });
          const f = b.finish().features[0] as CategoricalFeatureProfile;
          expect(f.topValues.length).toBeLessThanOrEqual(10);
          for (const { value, count } of f.topValues) {
            expect(count).toBeLessThanOrEqual(truth.get(value)!);
            expect(truth.get(value)! - count).toBeLessThanOrEqual(f.topValuesError);
          }
          if (f.distinctSketch === undefined) expect(f.distinct).toBe(truth.size);
        },
      ),
    );
  });
});
