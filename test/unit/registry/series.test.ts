import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOnlineSeries, downsampleOnlineSeries } from "../../../lib/registry/online-series";
import { productionPeriods } from "../../../lib/registry/production-periods";
import { buildVersionSeries, downsampleVersionSeries } from "../../../lib/registry/version-series";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const columns = (values: number[]) => ({ versions: values.map((_, i) => i + 1), trainedAt: values.map((_, i) => (i + 1) * WEEK), values });

describe("buildVersionSeries", () => {
  it("puts beside each version the score of the version in production when it was trained", () => {
    const periods = productionPeriods([{ at: WEEK + 1, toVersion: 1, fromVersion: null, reason: "initial" }, { at: 2 * WEEK + 1, toVersion: 2, fromVersion: 1, reason: "promotion" }]);
    const scores = { versions: [1, 2, 3, 4], trainedAt: [1, 2, 3, 4].map((v) => v * WEEK), values: [0.1, 0.2, 0.3, 0.4] };
    expect(downsampleVersionSeries(buildVersionSeries(scores, periods), 10).points).toEqual([
      { version: 1, value: 0.1, productionVersion: null, production: null, deployed: true },
      { version: 2, value: 0.2, productionVersion: 1, production: 0.1, deployed: true },
      { version: 3, value: 0.3, productionVersion: 2, production: 0.2, deployed: false },
      { version: 4, value: 0.4, productionVersion: 2, production: 0.2, deployed: false },
    ]);
  });
});

describe("downsampleVersionSeries", () => {
  it("keeps the budget and the extremes, and every production change while they fit in half of it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 50, maxLength: 3000 }),
        fc.integer({ min: 2, max: 400 }),
        fc.integer({ min: 20, max: 200 }),
        (values, every, budget) => {
          const n = values.length;
          const deployments = values.flatMap((_, i) => (i % every === 0 ? [{ at: (i + 1) * WEEK + 1, toVersion: i + 1, fromVersion: null, reason: "promotion" }] : []));
          const full = buildVersionSeries(columns(values), productionPeriods(deployments));
          const { points: out, changesKept } = downsampleVersionSeries(full, budget, [n]);
          const kept = new Set(out.map((p) => p.version));
          const mustKeep = full.filter((p, i) => p.deployed || (i > 0 && full[i - 1]!.productionVersion !== p.productionVersion));
          expect(out.length).toBeLessThanOrEqual(Math.max(budget, n <= budget ? n : 0));
          expect(changesKept).toBe(n <= budget || mustKeep.length <= Math.floor(budget / 2));
          if (changesKept) for (const p of mustKeep) expect(kept.has(p.version)).toBe(true);
          const max = full.reduce((a, b) => (b.value > a.value ? b : a));
          const min = full.reduce((a, b) => (b.value < a.value ? b : a));
          expect(kept.has(max.version) && kept.has(min.version) && kept.has(1) && kept.has(n)).toBe(true);
          expect(out.map((p) => p.version)).toEqual([...kept].sort((a, b) => a - b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("draws thousands of production changes as the steps that shape the production line most", () => {
    // Production changes every other version: 2,500 changes for a 300-point chart.
    const n = 5_000;
    const deployments = Array.from({ length: n / 2 }, (_, k) => ({ at: (2 * k + 1) * WEEK + 1, toVersion: 2 * k + 1, fromVersion: null, reason: "promotion" }));
    const values = Array.from({ length: n }, (_, i) => 0.3 + 0.01 * Math.sin(i / 50) + (i === 3_000 ? 0.2 : 0));
    const full = buildVersionSeries(columns(values), productionPeriods(deployments));
    const { points, changesKept } = downsampleVersionSeries(full, 300);
    expect(changesKept).toBe(false);
    expect(points.length).toBeLessThanOrEqual(300);
    // The outlier that went to production shapes the production line: its step is kept.
    expect(points.some((p) => p.productionVersion === 3_001)).toBe(true);
  });
});

describe("online series", () => {
  const periods = productionPeriods([{ at: 10 * DAY + 3_600_000, toVersion: 2, fromVersion: 1, reason: "promotion" }]);

  it("takes production's value on a day two versions reported, else the newest version's", () => {
    const rows = [
      { day: 10 * DAY, version: 1, value: 1 },
      { day: 10 * DAY, version: 2, value: 2 },
      { day: 9 * DAY, version: 1, value: 3 },
      { day: 9 * DAY, version: 3, value: 4 },
    ];
    expect(buildOnlineSeries(rows, periods)).toEqual([
      { day: 9 * DAY, version: 3, value: 4 },
      { day: 10 * DAY, version: 2, value: 2 },
    ]);
  });

  it("keeps the days of deployments and of version changes through downsampling", () => {
    const points = Array.from({ length: 2000 }, (_, d) => ({ day: d * DAY, version: d < 700 ? 1 : d < 1500 ? 2 : 3, value: Math.sin(d / 30) + (d % 11) / 50 }));
    const deployments = [700 * DAY + 5_000, 1500 * DAY + 7_000, 1234 * DAY + 1];
    const out = downsampleOnlineSeries(points, 120, deployments);
    expect(out.length).toBeLessThanOrEqual(120);
    const days = new Set(out.map((p) => p.day / DAY));
    for (const d of [0, 700, 1234, 1500, 1999]) expect(days.has(d)).toBe(true);
  });
});
