import { describe, expect, it } from "vitest";
import type { FeatureComparison } from "../../../lib/drift/compare";
import { featureRow, reportContent, reportTotals, SEVERITY_CAP, severityOf } from "../../../lib/server/validation/report-rows";

const cmp = (over: Partial<FeatureComparison>): FeatureComparison => ({ name: "f", type: "numeric", comparator: "jensen_shannon", distance: 0.05, threshold: 0.1, anomaly: false, movedMost: null, ...over });

describe("severity", () => {
  it("is distance over threshold; equal is not above", () => {
    expect(severityOf(0.05, 0.1)).toBeCloseTo(0.5, 12);
    expect(severityOf(0.1, 0.1)).toBe(1);
    expect(severityOf(0.3, 0.1)).toBeCloseTo(3, 12);
  });

  it("saturates for a threshold of 0 (any difference is an anomaly there)", () => {
    expect(severityOf(0, 0)).toBe(0);
    expect(severityOf(1e-9, 0)).toBe(SEVERITY_CAP);
    expect(severityOf(5, 1e-9)).toBe(SEVERITY_CAP);
  });
});

describe("report content", () => {
  it("keeps features without a measurement apart, with TFDV's reason", () => {
    const content = reportContent({
      features: [
        cmp({ name: "a", distance: 0.3, anomaly: true, movedMost: { kind: "value", label: "car", baselineShare: 0, targetShare: 0.15 }, type: "categorical", comparator: "l_infinity" }),
        cmp({ name: "b" }),
        cmp({ name: "c", distance: null, error: "One or more feature missing data." }),
      ],
      schemaAnomalies: [{ kind: "new_in_target", feature: "d", type: "numeric" }],
      anomalyCount: 1,
    });
    expect(content.rows.map((r) => [r.feature, r.anomaly, r.movedMost])).toEqual([
      ["a", true, "car"],
      ["b", false, null],
    ]);
    expect(content.notComparable).toEqual([{ feature: "c", type: "numeric", comparator: "jensen_shannon", threshold: 0.1, reason: "One or more feature missing data." }]);
    expect(content.totals).toMatchObject({ featureCount: 3, anomalyCount: 1, topFeature: "a" });
    expect(content.totals.maxSeverity).toBeCloseTo(3, 12);
    expect(content.schemaAnomalies).toHaveLength(1);
  });

  it("breaks a tie for the top feature by name, and has none without rows", () => {
    expect(reportTotals([{ feature: "z", anomaly: false, severity: 0.5 }, { feature: "b", anomaly: false, severity: 0.5 }], 0).topFeature).toBe("b");
    expect(reportTotals([], 2)).toEqual({ featureCount: 2, anomalyCount: 0, maxSeverity: 0, topFeature: null });
    expect(featureRow(cmp({ distance: null }))).toBeNull();
  });
});
