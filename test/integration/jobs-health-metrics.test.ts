import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/v1/health/route";
import { GET as metrics } from "../../app/metrics/route";
import { GET as listAlertsRoute } from "../../app/api/v1/alerts/route";
import { startJobs, type JobRunner } from "../../lib/jobs/start-jobs";
import { resetRequestMetrics } from "../../lib/metrics/request-metrics";
import { raiseAlert } from "../../lib/server/alerts/raise-alert";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createToken } from "../../lib/server/tokens/create-token";
import { shelfWithModel } from "../support/alert-fixtures";

const noParams = { params: Promise.resolve({}) };
let runner: JobRunner | null = null;
afterAll(async () => {
  await runner?.stop();
});

describe("GET /api/v1/health", () => {
  it("reports the database up and the job queue degraded until a job runner starts, then ok", async () => {
    const before = await health(new Request("http://localhost/api/v1/health"), noParams);
    expect(before.status).toBe(200);
    const b = await before.json();
    expect(b).toMatchObject({ status: "degraded", checks: { database: { ok: true }, jobQueue: { ok: false, error: "the job runner has never started" } } });

    runner = await startJobs({ databaseUrl: process.env.DATABASE_URL!, dailyOnStart: false, sweepIntervalMs: 60_000 });
    await expect
      .poll(async () => (await (await health(new Request("http://localhost/api/v1/health"), noParams)).json()).status, { timeout: 20_000, interval: 500 })
      .toBe("ok");
    const after = await (await health(new Request("http://localhost/api/v1/health"), noParams)).json();
    expect(after.checks.jobQueue).toMatchObject({ ok: true, failed: 0 });
    expect(Date.parse(after.checks.jobQueue.lastTickAt)).toBeGreaterThan(Date.now() - 120_000);
  }, 60_000);
});

describe("GET /metrics", () => {
  it("exposes request counts and latencies by route template, queue depth and open alerts, behind a read token", async () => {
    resetRequestMetrics();
    const read = await createToken({ ctx: systemCtx("test"), input: { name: "prometheus", scopes: ["read"] } });
    const ingest = await createToken({ ctx: systemCtx("test"), input: { name: "pipeline", scopes: ["ingest"] } });
    const { model } = await shelfWithModel();
    await db().$transaction((tx) => raiseAlert(tx, systemCtx("test"), { kind: "skew", subject: model.name, modelId: model.id, title: "Skew" }));
    const auth = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    await listAlertsRoute(new Request("http://localhost/api/v1/alerts", auth(read.token)), noParams);
    await listAlertsRoute(new Request("http://localhost/api/v1/alerts?kind=bad", auth(read.token)), noParams);

    expect((await metrics(new Request("http://localhost/metrics"), noParams)).status).toBe(401);
    expect((await metrics(new Request("http://localhost/metrics", auth(ingest.token)), noParams)).status).toBe(403);
    const res = await metrics(new Request("http://localhost/metrics", auth(read.token)), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE shelfwatch_http_requests_total counter');
    expect(text).toContain('shelfwatch_http_requests_total{method="GET",route="/api/v1/alerts",status="200"} 1');
    expect(text).toContain('shelfwatch_http_requests_total{method="GET",route="/api/v1/alerts",status="400"} 1');
    expect(text).toContain('shelfwatch_http_request_duration_seconds_bucket{method="GET",route="/api/v1/alerts",le="+Inf"} 2');
    expect(text).toContain('shelfwatch_http_request_duration_seconds_count{method="GET",route="/api/v1/alerts"} 2');
    expect(text).toMatch(/shelfwatch_alerts_open\{kind="skew",status="open"\} [1-9]/);
    expect(text).toContain("# TYPE shelfwatch_job_queue_depth gauge");
    expect(text).toMatch(/shelfwatch_job_queue_last_tick_age_seconds \d/);
    // Every line is a comment or `name{labels} value`.
    for (const line of text.trim().split("\n")) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|[a-z_]+(\{[^}]*\})? (-?[\d.e+-]+|NaN|\+Inf))$/);
  });
});
