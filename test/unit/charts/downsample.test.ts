import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lttb, type Point } from "../../../lib/charts/downsample";

type Sample = Point & { i: number; deployment?: string };

const series = (ys: readonly number[]): Sample[] => ys.map((y, i) => ({ x: i * 10, y, i }));

/**
 * Plain LTTB as published by Steinarsson (2013), for comparison when only the ends are mandatory.
 * Bucket edges are floor(i·(n−2)/(t−2)) in exact arithmetic, as the published floor(i·every) means;
 * with a rounded float `every` an edge can move by one point at some thresholds.
 */
function referenceLttb(data: readonly Point[], threshold: number): Point[] {
  const edge = (i: number) => Math.floor((i * (data.length - 2)) / (threshold - 2));
  const out = [data[0]!];
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const avgStart = edge(i + 1) + 1;
    const avgEnd = Math.min(edge(i + 2) + 1, data.length);
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += data[j]!.x;
      avgY += data[j]!.y;
    }
    avgX /= avgEnd - avgStart;
    avgY /= avgEnd - avgStart;
    let best = -1;
    let bestArea = -1;
    for (let j = edge(i) + 1; j < edge(i + 1) + 1; j++) {
      const area = Math.abs((data[a]!.x - avgX) * (data[j]!.y - data[a]!.y) - (data[a]!.x - data[j]!.x) * (avgY - data[a]!.y));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(data[best]!);
    a = best;
  }
  out.push(data[data.length - 1]!);
  return out;
}

// Sorted x, arbitrary y (with repeats), and an optional marker on some points.
const arbitrarySeries = fc
  .array(fc.record({ y: fc.integer({ min: -50, max: 50 }), marked: fc.boolean() }), { minLength: 1, maxLength: 300 })
  .map((rows) => rows.map((r, i) => ({ x: i, y: r.y, i, deployment: r.marked && i % 7 === 0 ? `v${i}` : undefined })));
const isMarker = (p: Sample) => p.deployment !== undefined;

function mandatoryCount(points: readonly Sample[]): number {
  const ys = points.map((p) => p.y);
  const min = ys.indexOf(Math.min(...ys));
  const max = ys.indexOf(Math.max(...ys));
  return new Set([0, points.length - 1, min, max, ...points.filter(isMarker).map((p) => p.i)]).size;
}

describe("lttb", () => {
  it("returns the series unchanged (a copy, same objects) when it has no more points than the threshold", () => {
    const points = series([3, 1, 4, 1, 5]);
    const out = lttb(points, 5);
    expect(out).toEqual(points);
    expect(out).not.toBe(points);
    expect(out[2]).toBe(points[2]);
    expect(lttb([], 0)).toEqual([]);
  });

  it("matches plain LTTB when the ends are also the extremes and nothing else is kept", () => {
    const ys = Array.from({ length: 200 }, (_, i) => i + 8 * Math.sin(i / 3) + 4 * Math.cos(i * 1.7));
    ys[0] = -100;
    ys[199] = 1000;
    const points = series(ys);
    for (const threshold of [4, 10, 37, 100]) {
      expect(lttb(points, threshold)).toEqual(referenceLttb(points, threshold));
    }
  });

  it("keeps a spike and a dip that plain bucketing could lose, plus both ends", () => {
    const ys = Array.from({ length: 1000 }, (_, i) => Math.sin(i / 50));
    ys[123] = 40;
    ys[777] = -40;
    const out = lttb(series(ys), 20);
    expect(out).toHaveLength(20);
    expect(out.map((p) => p.i)).toEqual(expect.arrayContaining([0, 123, 777, 999]));
  });

  it("keeps marked points and preserves their extra fields, inside the same budget", () => {
    const points = series(Array.from({ length: 500 }, (_, i) => Math.cos(i / 20)));
    points[250]!.deployment = "v42";
    points[251]!.deployment = "v43";
    const out = lttb(points, 30, { keep: (p) => p.deployment !== undefined });
    expect(out).toHaveLength(30);
    expect(out.filter((p) => p.deployment).map((p) => p.deployment)).toEqual(["v42", "v43"]);
    expect(out.find((p) => p.i === 250)).toBe(points[250]);
  });

  it("returns exactly the mandatory points when they alone exceed the threshold", () => {
    const points = series(Array.from({ length: 50 }, (_, i) => i));
    const out = lttb(points, 3, { keep: (_p, i) => i % 10 === 5 });
    expect(out.map((p) => p.i)).toEqual([0, 5, 15, 25, 35, 45, 49]);
  });

  it("rejects a negative or NaN threshold", () => {
    expect(() => lttb(series([1, 2, 3]), -1)).toThrow(RangeError);
    expect(() => lttb(series([1, 2, 3]), Number.NaN)).toThrow(RangeError);
  });

  it("property: returns min(length, threshold) points unless the mandatory points alone need more", () => {
    fc.assert(
      fc.property(arbitrarySeries, fc.nat(320), (points, threshold) => {
        const out = lttb(points, threshold, { keep: isMarker });
        const expected = points.length <= threshold ? points.length : Math.max(threshold, mandatoryCount(points));
        return out.length === expected;
      }),
    );
  });

  it("property: first, last, global min and max of y, and every marker are kept", () => {
    fc.assert(
      fc.property(arbitrarySeries, fc.nat(320), (points, threshold) => {
        const out = lttb(points, threshold, { keep: isMarker });
        const ys = out.map((p) => p.y);
        const allYs = points.map((p) => p.y);
        return (
          out[0] === points[0] &&
          out[out.length - 1] === points[points.length - 1] &&
          Math.min(...ys) === Math.min(...allYs) &&
          Math.max(...ys) === Math.max(...allYs) &&
          points.filter(isMarker).every((m) => out.includes(m))
        );
      }),
    );
  });

  it("property: output is a subsequence of the input, in increasing x order, with no repeats", () => {
    fc.assert(
      fc.property(arbitrarySeries, fc.integer({ min: 2, max: 320 }), (points, threshold) => {
        const out = lttb(points, threshold, { keep: isMarker });
        return out.every((p, k) => points[p.i] === p && (k === 0 || out[k - 1]!.i < p.i));
      }),
    );
  });
});
