import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { productionAt, productionPeriods } from "../../../lib/registry/production-periods";

const ev = (at: number, toVersion: number, fromVersion: number | null = null, reason = "promotion") => ({ at, toVersion, fromVersion, reason });

describe("productionPeriods", () => {
  it("turns deployments (in any order) into consecutive periods, the last one open", () => {
    expect(productionPeriods([ev(30, 3, 2), ev(10, 1), ev(20, 2, 1)])).toEqual([
      { version: 1, from: 10, to: 20 },
      { version: 2, from: 20, to: 30 },
      { version: 3, from: 30, to: null },
    ]);
  });

  it("records a rollback as a new period of the earlier version, and merges a redeployment of the live one", () => {
    expect(productionPeriods([ev(10, 1), ev(20, 2, 1), ev(25, 1, 2, "rollback"), ev(40, 1, 1)])).toEqual([
      { version: 1, from: 10, to: 20 },
      { version: 2, from: 20, to: 25 },
      { version: 1, from: 25, to: null },
    ]);
    expect(productionPeriods([])).toEqual([]);
  });
});

describe("productionAt", () => {
  const periods = productionPeriods([ev(10, 1), ev(20, 2, 1), ev(30, 3, 2)]);
  it("finds the version live at a moment, from the instant of its deployment", () => {
    expect(productionAt(periods, 9)).toBeNull();
    expect(productionAt(periods, 10)).toBe(1);
    expect(productionAt(periods, 19.9)).toBe(1);
    expect(productionAt(periods, 20)).toBe(2);
    expect(productionAt(periods, 1e12)).toBe(3);
  });

  it("agrees with a linear scan", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: 1000 }), v: fc.integer({ min: 1, max: 9 }) }), { maxLength: 40 }), fc.integer({ min: -5, max: 1005 }), (events, t) => {
        const p = productionPeriods(events.map((e) => ev(e.at, e.v)));
        const linear = [...p].reverse().find((x) => x.from <= t)?.version ?? null;
        expect(productionAt(p, t)).toBe(linear);
      }),
    );
  });
});
