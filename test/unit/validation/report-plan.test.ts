import { describe, expect, it } from "vitest";
import { planReports, productionVersionForDay, specsMissing, specsTouching, type StatsRef } from "../../../lib/server/validation/report-plan";

const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("productionVersionForDay", () => {
  const log = [
    { at: at("2026-01-02T00:00:00Z"), toVersionId: 1 },
    { at: at("2026-01-05T06:00:00Z"), toVersionId: 2 },
    { at: at("2026-01-07T20:00:00Z"), toVersionId: 3 },
    { at: at("2026-01-09T10:00:00Z"), toVersionId: 2 }, // rollback mid-morning
    { at: at("2026-01-09T16:00:00Z"), toVersionId: 3 }, // and forward again
  ];

  it("is nothing before the first deployment", () => {
    expect(productionVersionForDay(log, day("2026-01-01"))).toBeNull();
  });

  it("is the version that served most of the day", () => {
    expect(productionVersionForDay(log, day("2026-01-04"))).toBe(1);
    expect(productionVersionForDay(log, day("2026-01-05"))).toBe(2); // v2 from 06:00: 18 hours
    expect(productionVersionForDay(log, day("2026-01-07"))).toBe(2); // v3 only from 20:00
    expect(productionVersionForDay(log, day("2026-01-08"))).toBe(3);
    // v3 00:00–10:00 and 16:00–24:00 (18 h) against v2's 6 h.
    expect(productionVersionForDay(log, day("2026-01-09"))).toBe(3);
  });

  it("hands a tie to the later version, and reads the log in any order", () => {
    const tie = [
      { at: at("2026-01-02T12:00:00Z"), toVersionId: 2 },
      { at: at("2026-01-01T00:00:00Z"), toVersionId: 1 },
    ];
    expect(productionVersionForDay(tie, day("2026-01-02"))).toBe(2);
  });
});

describe("planReports", () => {
  const stats: StatsRef[] = [
    { id: 10, kind: "training", day: null, versionId: 1, version: 1 },
    { id: 11, kind: "training", day: null, versionId: 2, version: 2 },
    { id: 13, kind: "training", day: null, versionId: 4, version: 4 },
    { id: 20, kind: "serving", day: day("2026-01-04"), versionId: null, version: null },
    { id: 21, kind: "serving", day: day("2026-01-06"), versionId: null, version: null },
    { id: 22, kind: "serving", day: day("2026-01-20"), versionId: null, version: null },
    { id: 30, kind: "evaluation", day: null, versionId: 1, version: 1 },
  ];
  const deployments = [
    { at: at("2026-01-02T00:00:00Z"), toVersionId: 1 },
    { at: at("2026-01-06T00:00:00Z"), toVersionId: 2 },
    { at: at("2026-01-15T00:00:00Z"), toVersionId: 3 }, // v3 has no training profile
  ];
  const specs = planReports(stats, deployments);

  it("compares each version's training profile with the nearest earlier one", () => {
    expect(specs.filter((s) => s.kind === "training_drift").map((s) => [s.baselineId, s.targetId, s.versionId])).toEqual([
      [10, 11, 2],
      [11, 13, 4],
    ]);
  });

  it("compares each serving day with the training of that day's production version, when there is one", () => {
    expect(specs.filter((s) => s.kind === "skew").map((s) => [s.baselineId, s.targetId, s.versionId])).toEqual([
      [10, 20, 1],
      [11, 21, 2],
    ]);
  });

  it("compares each serving day with the previous one within a week, and ignores evaluation sets", () => {
    expect(specs.filter((s) => s.kind === "drift").map((s) => [s.baselineId, s.targetId])).toEqual([[20, 21]]);
    expect(specs.some((s) => s.baselineId === 30 || s.targetId === 30)).toBe(false);
  });

  it("finds the specs a profile takes part in, and those without a report", () => {
    expect(specsTouching(specs, 21).map((s) => s.kind).sort()).toEqual(["drift", "skew"]);
    expect(specsTouching(specs, 11).map((s) => s.kind).sort()).toEqual(["skew", "training_drift", "training_drift"]);
    const existing = [{ kind: "skew" as const, baselineId: 10, targetId: 20 }, { kind: "skew" as const, baselineId: 10, targetId: 21 }];
    // A report against another baseline (a deployment moved) does not count.
    expect(specsMissing(specs, existing).map((s) => `${s.kind}:${s.targetId}`)).toEqual(["training_drift:11", "training_drift:13", "skew:21", "drift:21"]);
  });
});
