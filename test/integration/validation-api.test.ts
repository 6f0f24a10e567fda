import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as getHistory } from "../../app/api/v1/models/[model]/features/[feature]/history/route";
import { GET as getReportRoute } from "../../app/api/v1/models/[model]/reports/[report]/route";
import { GET as listReportsRoute } from "../../app/api/v1/models/[model]/reports/route";
import { db } from "../../lib/server/db";
import { getReportFeature } from "../../lib/server/validation/get-report-feature";
import { ingestStatistics } from "../../lib/server/validation/ingest-statistics";
import { auditCount, params, request, tokenWith, userCtx } from "./registry-fixtures";
import { day, DAY_MS, deploy, modelWithVersions, post, profileOf } from "./validation-fixtures";

// Statistics posted through the API become reports at once: skew against the version in production
// that day, drift against the day before, training drift against the previous version.

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/tfdv/${name}`, import.meta.url), "utf8"));

type Report = { id: number; kind: string; day: string | null; version: number | null; baseline: { datasetKey: string }; anomalyCount: number; topFeature: string | null; anomalous: boolean };

describe("POST /api/v1/models/{model}/statistics", () => {
  it("computes the reports a profile takes part in when it arrives, and answers with them", async () => {
    const m = await modelWithVersions(2);
    const token = await tokenWith(["ingest"]);
    await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));

    const training = await post(m.modelName, token, "kind=training&version=1", profileOf(1));
    expect(training.status).toBe(201);
    expect((await training.json()).reports).toEqual([]);

    const first = await post(m.modelName, token, "kind=serving&day=2026-01-10", profileOf(2));
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    expect(firstBody.dataset).toMatchObject({ kind: "serving", datasetKey: "serving:2026-01-10", source: "native", numExamples: 2000, featureCount: 3 });
    expect(firstBody.reports.map((r: Report) => [r.kind, r.day, r.version, r.baseline.datasetKey])).toEqual([["skew", "2026-01-10", 1, "training:v1"]]);

    // A skewed day: minutes logged ×60 (seconds instead of minutes) against the same training data.
    const second = await post(m.modelName, token, "kind=serving&day=2026-01-11", profileOf(3, 2000, { minutesScale: 60 }));
    const reports: Report[] = (await second.json()).reports;
    expect(reports.map((r) => [r.kind, r.day, r.baseline.datasetKey])).toEqual([
      ["skew", "2026-01-11", "training:v1"],
      ["drift", "2026-01-11", "serving:2026-01-10"],
    ]);
    for (const r of reports) expect(r).toMatchObject({ anomalous: true, anomalyCount: 1, topFeature: "minutes" });

    const rows = await db().validationFeatureResult.findMany({ where: { reportId: reports[0].id }, orderBy: { feature: "asc" }, select: { feature: true, comparator: true, anomaly: true, threshold: true, movedMost: true } });
    expect(rows.map((r) => [r.feature, r.comparator, r.anomaly, r.threshold])).toEqual([
      ["completion", "jensen_shannon", false, 0.1],
      ["device", "l_infinity", false, 0.1],
      ["minutes", "jensen_shannon", true, 0.1],
    ]);
    expect(rows[2].movedMost).toMatch(/^\[/);

    // Version 2's training data arrives: training drift against version 1.
    const v2 = await post(m.modelName, token, "kind=training&version=2", profileOf(4));
    expect((await v2.json()).reports.map((r: Report) => [r.kind, r.version, r.baseline.datasetKey])).toEqual([["training_drift", 2, "training:v1"]]);
  });

  it("compares each serving day with the training data of the version in production that day", async () => {
    const m = await modelWithVersions(3);
    const token = await tokenWith(["ingest"]);
    // v1 from Jan 2; v2 from Jan 12 06:00 (it serves most of Jan 12); v3 from Jan 14 20:00 (Jan 14 stays v2's).
    await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));
    await deploy(m.modelId, m.versions[1].id, new Date(day("2026-01-12").getTime() + 6 * 3_600_000));
    await deploy(m.modelId, m.versions[2].id, new Date(day("2026-01-14").getTime() + 20 * 3_600_000));
    for (const v of [1, 2, 3]) await post(m.modelName, token, `kind=training&version=${v}`, profileOf(10 + v));
    const days = ["2026-01-11", "2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15"];
    for (const [i, d] of days.entries()) expect((await post(m.modelName, token, `kind=serving&day=${d}`, profileOf(20 + i))).status).toBe(201);
    const skew = await db().validationReport.findMany({ where: { modelId: m.modelId, kind: "skew" }, orderBy: { day: "asc" }, select: { day: true, version: { select: { version: true } }, baseline: { select: { datasetKey: true } } } });
    expect(skew.map((r) => [r.day!.toISOString().slice(0, 10), r.version!.version, r.baseline.datasetKey])).toEqual([
      ["2026-01-11", 1, "training:v1"],
      ["2026-01-12", 2, "training:v2"],
      ["2026-01-13", 2, "training:v2"],
      ["2026-01-14", 2, "training:v2"],
      ["2026-01-15", 3, "training:v3"],
    ]);
  });

  it("computes skew for days that arrived before the training data of their version, once it arrives", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));
    await post(m.modelName, token, "kind=serving&day=2026-01-05", profileOf(1));
    await post(m.modelName, token, "kind=serving&day=2026-01-06", profileOf(2));
    expect(await db().validationReport.count({ where: { modelId: m.modelId, kind: "skew" } })).toBe(0);
    const res = await post(m.modelName, token, "kind=training&version=1", profileOf(3));
    expect((await res.json()).reports.map((r: Report) => [r.kind, r.day])).toEqual([
      ["skew", "2026-01-05"],
      ["skew", "2026-01-06"],
    ]);
  });

  it("reads TFDV statistics and records the features TFDV cannot measure as not comparable", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));
    expect((await post(m.modelName, token, "kind=training&version=1", fixture("tfx_taxi_stats_train.json"))).status).toBe(201);
    const res = await post(m.modelName, token, "kind=serving&day=2026-01-05", fixture("tfx_taxi_stats_eval.json"));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.dataset).toMatchObject({ source: "tfdv", numExamples: 4966, featureCount: 18 });
    const report = await db().validationReport.findUniqueOrThrow({ where: { id: body.reports[0].id }, select: { featureCount: true, notComparable: true } });
    expect(report.featureCount).toBe(18);
    expect(report.notComparable).toEqual([{ feature: "pickup_census_tract", type: "numeric", comparator: "jensen_shannon", threshold: 0.1, reason: "One or more feature missing data." }]);
    const company = await db().validationFeatureResult.findFirstOrThrow({ where: { reportId: body.reports[0].id, feature: "company" }, select: { distance: true, movedMost: true } });
    // TFX's expected L-infinity on company (the taxi comparison, both directions are equal).
    expect(company.distance).toBeCloseTo(0.012277129468474923, 12);
    expect(company.movedMost).toBe("Dispatch Taxi Affiliation");
  });

  it("answers 400 naming the path at fault for bad statistics, and stores nothing", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    const bad = fixture("tfx_taxi_stats_train.json");
    bad.datasets[0].features[2].num_stats.histograms[0].buckets[1].sample_count = "many";
    const res = await post(m.modelName, token, "kind=training&version=1", bad);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("INVALID_REQUEST");
    expect(body.error.fields).toEqual([{ path: "datasets[0].features[2].num_stats.histograms[0].buckets[1].sample_count", message: expect.stringContaining("number") }]);
    const native = profileOf(1);
    (native.features[0] as { count: unknown }).count = -3;
    const nativeRes = await post(m.modelName, token, "kind=training&version=1", native);
    expect((await nativeRes.json()).error.fields).toEqual([{ path: "features[0].count", message: expect.any(String) }]);
    expect((await post(m.modelName, token, "kind=training&version=1", { hello: "world" })).status).toBe(400);
    expect(await db().featureStatistics.count({ where: { modelId: m.modelId } })).toBe(0);
  });

  it("answers 400 for a dataset that is not named right, 404 for an unknown version or model, 403 without the ingest scope", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    const noDay = await post(m.modelName, token, "kind=serving", profileOf(1));
    expect(noDay.status).toBe(400);
    expect((await noDay.json()).error.fields).toEqual([{ path: "day", message: expect.stringContaining("required") }]);
    expect((await post(m.modelName, token, "kind=training&version=9", profileOf(1))).status).toBe(404);
    expect((await post("no-such-model", token, "kind=training&version=1", profileOf(1))).status).toBe(404);
    expect((await post(m.modelName, await tokenWith(["read"]), "kind=training&version=1", profileOf(1))).status).toBe(403);
    expect((await post(m.modelName, null, "kind=training&version=1", profileOf(1))).status).toBe(401);
  });

  it("refuses viewers and reviewers in the data layer, whatever the route did", async () => {
    const m = await modelWithVersions(1);
    for (const role of ["viewer", "reviewer"] as const) {
      const ctx = await userCtx(role);
      await expect(ingestStatistics({ ctx, input: { model: m.modelName, target: { kind: "training", version: 1 }, statistics: profileOf(1) } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const engineer = await ingestStatistics({ ctx: await userCtx("engineer"), input: { model: m.modelName, target: { kind: "training", version: 1 }, statistics: profileOf(1) } });
    expect(engineer.created).toBe(true);
  });

  it("is idempotent: the same profile again changes nothing; a key replays; TFDV statistics do not merge", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));
    await post(m.modelName, token, "kind=training&version=1", profileOf(1));
    const audits = await auditCount("statistics.ingested");
    const first = await post(m.modelName, token, "kind=serving&day=2026-01-05", profileOf(2), { "idempotency-key": "day-5" });
    const replay = await post(m.modelName, token, "kind=serving&day=2026-01-05", profileOf(2), { "idempotency-key": "day-5" });
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    const again = await post(m.modelName, token, "kind=serving&day=2026-01-05", profileOf(2));
    expect(again.status).toBe(200);
    const body = await again.json();
    expect(body).toMatchObject({ changed: false, created: false });
    expect(body.reports).toHaveLength(1);
    expect(await auditCount("statistics.ingested")).toBe(audits + 1);
    await post(m.modelName, token, "kind=serving&day=2026-01-06", fixture("tfx_taxi_stats_eval.json"));
    const merge = await post(m.modelName, token, "kind=serving&day=2026-01-06&mode=merge", fixture("tfx_taxi_stats_eval.json"));
    expect(merge.status).toBe(409);
  });

  it("merges shards of a day posted with mode=merge", async () => {
    const m = await modelWithVersions(1);
    const token = await tokenWith(["ingest"]);
    await post(m.modelName, token, "kind=serving&day=2026-01-05&mode=merge", profileOf(1, 1000));
    const res = await post(m.modelName, token, "kind=serving&day=2026-01-05&mode=merge", profileOf(2, 1500));
    expect(res.status).toBe(200);
    expect((await res.json()).dataset.numExamples).toBe(2500);
  });
});

describe("reading reports", () => {
  it("lists reports, returns one with its features, and a feature's history, to a read token", async () => {
    const m = await modelWithVersions(1);
    const ingest = await tokenWith(["ingest"]);
    const read = await tokenWith(["read"]);
    await deploy(m.modelId, m.versions[0].id, day("2026-01-02"));
    await post(m.modelName, ingest, "kind=training&version=1", profileOf(1));
    for (let i = 0; i < 4; i++) await post(m.modelName, ingest, `kind=serving&day=${new Date(day("2026-01-05").getTime() + i * DAY_MS).toISOString().slice(0, 10)}`, profileOf(10 + i, 2000, i >= 2 ? { minutesScale: 60 } : {}));

    const list = await listReportsRoute(request("GET", `/api/v1/models/${m.modelName}/reports?kind=skew&from=2026-01-06`, read), params({ model: m.modelName }));
    expect(list.status).toBe(200);
    const reports: Report[] = (await list.json()).reports;
    expect(reports.map((r) => [r.day, r.anomalous])).toEqual([
      ["2026-01-08", true],
      ["2026-01-07", true],
      ["2026-01-06", false],
    ]);

    const one = await getReportRoute(request("GET", `/api/v1/models/${m.modelName}/reports/${reports[0].id}`, read), params({ model: m.modelName, report: String(reports[0].id) }));
    const detail = await one.json();
    expect(detail.features[0]).toMatchObject({ feature: "minutes", comparator: "jensen_shannon", threshold: 0.1, anomaly: true, movedMost: { kind: "range" } });
    expect(detail.previous).toEqual({ id: reports[1].id, label: "2026-01-07" });
    expect(detail.next).toBeNull();

    const history = await getHistory(request("GET", `/api/v1/models/${m.modelName}/features/minutes/history?kind=skew&days=730`, read), params({ model: m.modelName, feature: "minutes" }));
    const h = await history.json();
    expect(h.points.map((p: { label: string; anomaly: boolean }) => [p.label, p.anomaly])).toEqual([
      ["2026-01-05", false],
      ["2026-01-06", false],
      ["2026-01-07", true],
      ["2026-01-08", true],
    ]);
    expect(h).toMatchObject({ threshold: 0.1, comparator: "jensen_shannon", anomalousSince: { label: "2026-01-07" } });
    expect(h.deployments).toHaveLength(1);

    expect((await getReportRoute(request("GET", `/api/v1/models/${m.modelName}/reports/999999`, read), params({ model: m.modelName, report: "999999" }))).status).toBe(404);
    expect((await listReportsRoute(request("GET", `/api/v1/models/${m.modelName}/reports`, null), params({ model: m.modelName }))).status).toBe(401);
    expect((await listReportsRoute(request("GET", `/api/v1/models/${m.modelName}/reports`, ingest), params({ model: m.modelName }))).status).toBe(403);

    // What the report page draws: the numeric feature's histograms on one grid, the categorical one's values side by side.
    const viewer = await userCtx("viewer");
    const minutes = await getReportFeature({ ctx: viewer, input: { model: m.modelName, report: reports[0].id, feature: "minutes" } });
    expect(minutes.result).toMatchObject({ comparator: "jensen_shannon", anomaly: true });
    expect(minutes.numeric!.overlay.bins).toHaveLength(20);
    expect(minutes.numeric!.target!.mean! / minutes.numeric!.baseline!.mean!).toBeGreaterThan(30);
    const device = await getReportFeature({ ctx: viewer, input: { model: m.modelName, report: reports[0].id, feature: "device" } });
    expect(device.categorical!.values.map((v) => v.value)).toEqual(["mobile", "desktop", "tv"]);
    await expect(getReportFeature({ ctx: viewer, input: { model: m.modelName, report: reports[0].id, feature: "nope" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
