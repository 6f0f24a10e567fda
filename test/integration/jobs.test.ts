import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES } from "../../lib/jobs/queues";
import { startJobs, type JobRunner } from "../../lib/jobs/start-jobs";
import { runAlertSweep, runDailyPass } from "../../lib/jobs/sweep";
import { checkMissedRetrains } from "../../lib/server/alerts/check-missed-retrains";
import { raiseGateAlerts } from "../../lib/server/alerts/raise-gate-alerts";
import { raiseRegressionAlerts } from "../../lib/server/alerts/raise-regression-alerts";
import { raiseValidationAlerts } from "../../lib/server/alerts/raise-validation-alerts";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { seedModel } from "../../prisma/seed/shelves";
import { seedVersions } from "../../prisma/seed/versions";
import { shelfWithModel, userCtx } from "../support/alert-fixtures";

const sys = (now = new Date()) => systemCtx("scheduler", now);
const DAY = 86_400_000;

async function liveAlert(kind: "missed_retrain" | "skew" | "drift" | "schema" | "gate_failure" | "evaluation_regression", subject: string) {
  return db().alert.findUnique({ where: { openKey: `${kind}:${subject}` } });
}

describe("the daily job in pg-boss", () => {
  let runner: JobRunner;
  beforeAll(async () => {
    runner = await startJobs({ databaseUrl: process.env.DATABASE_URL!, dispatchIntervalMs: 500, sweepIntervalMs: 600_000, dailyOnStart: false });
  }, 60_000);
  afterAll(async () => {
    await runner?.stop();
  });

  it("raises the missed-retrain alert on a seeded model and resolves it when a version arrives", async () => {
    // The demo's factories: a shelf and its model whose weekly pipeline stopped ten days ago.
    const model = await db().$transaction(async (tx) => {
      const m = await seedModel(tx, { slug: "shows-you-might-like", now: new Date(Date.now() - 400 * DAY) });
      await seedVersions(tx, { modelId: m.modelId, count: 3, now: new Date(Date.now() - 10 * DAY) });
      return { id: m.modelId, name: m.modelName };
    });
    await runner.boss.send(QUEUES.daily, { reason: "test" });
    await expect.poll(() => liveAlert("missed_retrain", model.name), { timeout: 20_000, interval: 250 }).toMatchObject({ status: "open", count: 1 });
    const alert = (await liveAlert("missed_retrain", model.name))!;
    expect(alert.title).toMatch(new RegExp(`No new version of ${model.name} for 1[01] days \\(newest v3`));

    // The pipeline catches up: version 4 is registered.
    await db().modelVersion.create({ data: { modelId: model.id, version: 4, trainedAt: new Date() } });
    await runner.boss.send(QUEUES.daily, { reason: "test" });
    await expect.poll(async () => (await db().alert.findUnique({ where: { id: alert.id } }))?.status, { timeout: 20_000, interval: 250 }).toBe("resolved");
    const resolved = await db().alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(resolved).toMatchObject({ openKey: null, resolvedBy: "system:scheduler" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "alert.resolved", subjectId: String(alert.id) } });
    expect(audit.after).toMatchObject({ reason: expect.stringContaining("v4 arrived") });
  });

  it("installs its queues and schedule in its own schema", async () => {
    const queues = await runner.boss.getQueues();
    expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(Object.values(QUEUES)));
    const schedules = await runner.boss.getSchedules();
    expect(schedules.find((s) => s.name === QUEUES.daily)?.cron).toBe("15 3 * * *");
  });
});

describe("missed retrains", () => {
  it("counts the deadline from the newest version, and from creation for a model without one", async () => {
    const fresh = await shelfWithModel({ versionsDaysAgo: [10, 3] });
    const empty = await shelfWithModel();
    const result = await checkMissedRetrains({ ctx: sys() });
    expect(result.raised).toContain(empty.model.name);
    expect(result.raised).not.toContain(fresh.model.name);
    expect((await liveAlert("missed_retrain", empty.model.name))?.title).toMatch(/no version since it was created 400 days ago/);
  });

  it("bumps neither count nor audit when the same lateness is checked again", async () => {
    const { model } = await shelfWithModel({ versionsDaysAgo: [12] });
    await checkMissedRetrains({ ctx: sys() });
    await checkMissedRetrains({ ctx: sys(new Date(Date.now() + DAY)) });
    const alert = (await liveAlert("missed_retrain", model.name))!;
    expect(alert.count).toBe(1);
    expect(alert.title).toMatch(/for 13 days/);
  });

  it("may only be run by the scheduler or an admin", async () => {
    await expect(checkMissedRetrains({ ctx: await userCtx("lead") })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

async function statistics(modelId: number, key: string, kind: "training" | "serving", day: Date | null = null) {
  return db().featureStatistics.create({ data: { modelId, kind, datasetKey: key, day }, select: { id: true } });
}

describe("alerts from validation reports, regressions and the gate", () => {
  it("raises skew and schema alerts from an anomalous report, naming the feature, and resolves them on a clean one", async () => {
    const { model, versions } = await shelfWithModel({ versionsDaysAgo: [3] });
    const training = await statistics(model.id, "training:v1", "training");
    const day1 = new Date("2026-03-01T00:00:00Z");
    const serving1 = await statistics(model.id, "serving:2026-03-01", "serving", day1);
    const report = await db().validationReport.create({
      data: {
        modelId: model.id, kind: "skew", baselineId: training.id, targetId: serving1.id, day: day1, versionId: versions[0].id,
        featureCount: 12, anomalyCount: 2, maxSeverity: 3.1, topFeature: "podcast_minutes_28d",
        schemaAnomalies: [{ kind: "new_values", feature: "device_type", values: [{ value: "car_display", share: 0.15 }], share: 0.15 }],
        features: {
          create: [
            { modelId: model.id, kind: "skew", day: day1, feature: "podcast_minutes_28d", featureType: "numeric", comparator: "jensen_shannon", distance: 0.31, threshold: 0.1, anomaly: true, severity: 3.1 },
            { modelId: model.id, kind: "skew", day: day1, feature: "device_type", featureType: "categorical", comparator: "l_infinity", distance: 0.15, threshold: 0.1, anomaly: true, severity: 1.5 },
            { modelId: model.id, kind: "skew", day: day1, feature: "country", featureType: "categorical", comparator: "l_infinity", distance: 0.01, threshold: 0.1, anomaly: false, severity: 0.1 },
          ],
        },
      },
      select: { id: true },
    });
    await raiseValidationAlerts({ ctx: sys() });
    await raiseValidationAlerts({ ctx: sys() }); // idempotent: the same report is one sighting
    const skew = (await liveAlert("skew", model.name))!;
    expect(skew.title).toBe(`Skew on ${model.name} on 2026-03-01: podcast_minutes_28d (Jensen-Shannon 0.310 > 0.100) and 1 more feature`);
    expect(skew.count).toBe(1);
    expect(skew.details).toMatchObject({ reportId: report.id, day: "2026-03-01", anomalyCount: 2, features: [{ feature: "podcast_minutes_28d" }, { feature: "device_type" }] });
    expect((await liveAlert("schema", model.name))?.title).toBe(`Schema change on ${model.name} on 2026-03-01: device_type has new values (car_display 15%)`);

    const day2 = new Date("2026-03-02T00:00:00Z");
    const serving2 = await statistics(model.id, "serving:2026-03-02", "serving", day2);
    await db().validationReport.create({ data: { modelId: model.id, kind: "skew", baselineId: training.id, targetId: serving2.id, day: day2, featureCount: 12, anomalyCount: 0, maxSeverity: 0.4 } });
    const result = await raiseValidationAlerts({ ctx: sys() });
    expect(result.cleared).toEqual(expect.arrayContaining([`skew:${model.name}`, `schema:${model.name}`]));
    expect((await db().alert.findUniqueOrThrow({ where: { id: skew.id } })).status).toBe("resolved");
  });

  it("says since when a feature has been skewed, not when Shelfwatch first looked", async () => {
    const { model } = await shelfWithModel({ versionsDaysAgo: [30] });
    const training = await statistics(model.id, "training:v1", "training");
    for (const [i, anomalies] of [0, 1, 1, 1].entries()) {
      const day = new Date(Date.UTC(2026, 2, 1 + i));
      const serving = await statistics(model.id, `serving:${day.toISOString().slice(0, 10)}`, "serving", day);
      await db().validationReport.create({
        data: {
          modelId: model.id, kind: "skew", baselineId: training.id, targetId: serving.id, day, featureCount: 3, anomalyCount: anomalies, maxSeverity: anomalies ? 2 : 0.2,
          features: { create: [{ modelId: model.id, kind: "skew", day, feature: "minutes", featureType: "numeric", comparator: "jensen_shannon", distance: anomalies ? 0.2 : 0.02, threshold: 0.1, anomaly: anomalies > 0, severity: anomalies ? 2 : 0.2 }] },
        },
      });
    }
    await raiseValidationAlerts({ ctx: sys() });
    const alert = (await liveAlert("skew", model.name))!;
    expect(alert.title).toBe(`Skew on ${model.name} since 2026-03-02 (3 days): minutes (Jensen-Shannon 0.200 > 0.100)`);
    expect(alert.details).toMatchObject({ since: "2026-03-02", days: 3 });
  });

  it("raises an evaluation regression when the candidate loses more than the policy allows", async () => {
    const { model, versions } = await shelfWithModel({ versionsDaysAgo: [8, 1] });
    await db().gatePolicy.create({ data: { modelId: model.id, primaryMetric: "ndcg@10", maxRegression: 0.01 } });
    await db().modelAlias.create({ data: { modelId: model.id, alias: "production", versionId: versions[0].id } });
    await db().evaluation.createMany({ data: [
      { modelId: model.id, versionId: versions[0].id, metric: "ndcg@10", value: 0.35 },
      { modelId: model.id, versionId: versions[1].id, metric: "ndcg@10", value: 0.32 },
    ] });
    await raiseRegressionAlerts({ ctx: sys() });
    const alert = (await liveAlert("evaluation_regression", model.name))!;
    expect(alert.title).toBe(`${model.name} v2 regresses on ndcg@10: 0.320 against 0.350 in production v1 (allowed 0.01)`);
    // v3 does better: the alert resolves.
    const v3 = await db().modelVersion.create({ data: { modelId: model.id, version: 3, trainedAt: new Date() }, select: { id: true } });
    await db().evaluation.create({ data: { modelId: model.id, versionId: v3.id, metric: "ndcg@10", value: 0.352 } });
    expect((await raiseRegressionAlerts({ ctx: sys() })).cleared).toEqual([model.name]);
  });

  it("raises a gate failure for a refused request and resolves it once the model deploys", async () => {
    const { model, versions } = await shelfWithModel({ versionsDaysAgo: [8, 1] });
    const now = new Date();
    await db().promotionRequest.create({
      data: {
        modelId: model.id, versionId: versions[1].id, status: "refused", requestedBy: "token:pipeline", source: "pipeline", createdAt: new Date(now.getTime() - 3_600_000),
        checks: [
          { id: "primary_threshold", verdict: "fail", observed: 0.19, limit: 0.2, sentence: "ndcg@10 0.190 is below the threshold 0.200" },
          { id: "skew", verdict: "pass", observed: 0, limit: 0, sentence: "no skew" },
        ],
      },
    });
    await runAlertSweep(sys(now));
    const alert = (await liveAlert("gate_failure", model.name))!;
    expect(alert.title).toBe(`Gate refused ${model.name} v2: ndcg@10 0.190 is below the threshold 0.200`);
    await db().deployment.create({ data: { modelId: model.id, toVersionId: versions[0].id, reason: "rollback", actor: "lead@example.com", createdAt: new Date(now.getTime() + 60_000) } });
    await raiseGateAlerts({ ctx: sys(new Date(now.getTime() + 120_000)) });
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("resolved");
  });

  it("reports each step of the daily pass, including the report backfill hook", async () => {
    const results = await runDailyPass(sys());
    expect(results.map((r) => r.step)).toEqual(["report-backfill", "missed-retrains", "validation-alerts", "regression-alerts", "gate-alerts", "deployments"]);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
