import { describe, expect, it } from "vitest";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import { backfillReports } from "../../lib/server/validation/backfill-reports";
import { ingestStatistics } from "../../lib/server/validation/ingest-statistics";
import { listFeatureConfigs } from "../../lib/server/validation/list-feature-configs";
import { updateFeatureConfig } from "../../lib/server/validation/update-feature-config";
import { auditCount, userCtx } from "./registry-fixtures";
import { day, deploy, modelWithVersions, profileOf } from "./validation-fixtures";

// Thresholds per model and feature: editing one recomputes every report of the model for that
// feature in the same transaction (verdicts, totals, the top feature), against the row the form saw.

async function modelWithReports() {
  const m = await modelWithVersions(1);
  const ctx = systemCtx("test");
  await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));
  await ingestStatistics({ ctx, input: { model: m.modelName, target: { kind: "training", version: 1 }, statistics: profileOf(1) } });
  // Three ordinary days, then two where minutes are logged ×3 (Jensen-Shannon about 0.2).
  for (let i = 0; i < 5; i++) {
    await ingestStatistics({ ctx, input: { model: m.modelName, target: { kind: "serving", day: `2026-01-0${5 + i}` }, statistics: profileOf(20 + i, 2000, i >= 3 ? { minutesScale: 3 } : {}) } });
  }
  return m;
}

const anomalies = async (modelId: number) =>
  (await db().validationReport.findMany({ where: { modelId, kind: "skew" }, orderBy: { day: "asc" }, select: { anomalyCount: true } })).map((r) => r.anomalyCount);

const fail = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a failure");
};

describe("editing a feature's thresholds", () => {
  it("recomputes the verdict of every report of the model for that feature", async () => {
    const m = await modelWithReports();
    expect(await anomalies(m.modelId)).toEqual([0, 0, 0, 1, 1]);
    const engineer = await userCtx("engineer");
    const before = await db().validationFeatureResult.findFirstOrThrow({ where: { modelId: m.modelId, kind: "skew", feature: "minutes", anomaly: true }, select: { distance: true } });

    // Above the largest skew distance: no anomaly left; drift keeps its own threshold.
    const loose = await updateFeatureConfig({ ctx: engineer, input: { model: m.modelName, feature: "minutes", comparator: "jensen_shannon", skewThreshold: 0.9, driftThreshold: 0.1, expectedUpdatedAt: null } });
    expect(loose.recomputed).toMatchObject({ anomaliesAfter: 1 });
    expect(await anomalies(m.modelId)).toEqual([0, 0, 0, 0, 0]);
    const row = await db().validationFeatureResult.findFirstOrThrow({ where: { modelId: m.modelId, kind: "skew", feature: "minutes", distance: before.distance }, select: { threshold: true, severity: true, anomaly: true } });
    expect(row).toEqual({ threshold: 0.9, severity: before.distance / 0.9, anomaly: false });

    // Far below: every day is above threshold, and minutes is each report's top feature.
    const tight = await updateFeatureConfig({ ctx: engineer, input: { model: m.modelName, feature: "minutes", comparator: "jensen_shannon", skewThreshold: 1e-6, driftThreshold: 0.1, expectedUpdatedAt: loose.updatedAt } });
    expect(tight.changed).toBe(true);
    expect(await anomalies(m.modelId)).toEqual([1, 1, 1, 1, 1]);
    const tops = await db().validationReport.findMany({ where: { modelId: m.modelId, kind: "skew" }, select: { topFeature: true, maxSeverity: true } });
    for (const t of tops) expect(t.topFeature).toBe("minutes");
    expect(await auditCount("feature_config.updated")).toBeGreaterThanOrEqual(2);
  });

  it("recomputes distances when the comparator changes", async () => {
    const m = await modelWithReports();
    const lead = await userCtx("lead");
    await updateFeatureConfig({ ctx: lead, input: { model: m.modelName, feature: "minutes", comparator: "psi", skewThreshold: 0.2, driftThreshold: 0.2, expectedUpdatedAt: null } });
    const rows = await db().validationFeatureResult.findMany({ where: { modelId: m.modelId, feature: "minutes" }, select: { comparator: true } });
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.comparator))).toEqual(new Set(["psi"]));
    // The settings list shows the row as configured, the others with their defaults.
    const [config] = await listFeatureConfigs({ ctx: lead, input: { model: m.modelName } });
    expect(config.features.map((f) => [f.feature, f.type, f.comparator, f.configured])).toEqual([
      ["completion", "numeric", "jensen_shannon", false],
      ["device", "categorical", "l_infinity", false],
      ["minutes", "numeric", "psi", true],
    ]);
  });

  it("refuses a comparator that does not apply to the feature's type", async () => {
    const m = await modelWithReports();
    const error = await fail(updateFeatureConfig({ ctx: await userCtx("engineer"), input: { model: m.modelName, feature: "device", comparator: "wasserstein", skewThreshold: 0.1, driftThreshold: 0.1, expectedUpdatedAt: null } }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.fields).toEqual([{ path: "comparator", message: "not for categorical features" }]);
  });

  it("is for engineers, leads and admins: viewers and reviewers are refused", async () => {
    const m = await modelWithReports();
    for (const role of ["viewer", "reviewer"] as const) {
      const error = await fail(updateFeatureConfig({ ctx: await userCtx(role), input: { model: m.modelName, feature: "minutes", comparator: "jensen_shannon", skewThreshold: 0.5, driftThreshold: 0.5, expectedUpdatedAt: null } }));
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await db().featureConfig.count({ where: { modelId: m.modelId } })).toBe(0);
  });

  it("refuses an edit made from a stale form, and a double submit changes nothing twice", async () => {
    const m = await modelWithReports();
    const engineer = await userCtx("engineer");
    const input = { model: m.modelName, feature: "minutes", comparator: "jensen_shannon" as const, skewThreshold: 0.3, driftThreshold: 0.3, expectedUpdatedAt: null };
    const first = await updateFeatureConfig({ ctx: engineer, input });
    // The same form submitted again still says "no row yet": someone else's row is now there.
    expect((await fail(updateFeatureConfig({ ctx: engineer, input }))).code).toBe("CONFLICT");
    const audits = await auditCount("feature_config.updated");
    const same = await updateFeatureConfig({ ctx: engineer, input: { ...input, expectedUpdatedAt: first.updatedAt } });
    expect(same).toMatchObject({ changed: false, recomputed: null });
    expect(await auditCount("feature_config.updated")).toBe(audits);
  });
});

describe("the daily backfill", () => {
  it("computes the reports that are missing and nothing else", async () => {
    const m = await modelWithReports();
    const ids = (await db().validationReport.findMany({ where: { modelId: m.modelId, kind: "drift" }, select: { id: true } })).map((r) => r.id);
    await db().validationReport.deleteMany({ where: { id: { in: ids.slice(0, 2) } } });
    const result = await backfillReports({ ctx: systemCtx("scheduler") });
    expect(result.computed).toBeGreaterThanOrEqual(2);
    expect(await db().validationReport.count({ where: { modelId: m.modelId, kind: "drift" } })).toBe(4);
    expect((await backfillReports({ ctx: systemCtx("scheduler") })).computed).toBe(0);
    expect((await fail(backfillReports({ ctx: await userCtx("engineer") }))).code).toBe("FORBIDDEN");
  });
});
