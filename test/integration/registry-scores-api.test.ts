import { describe, expect, it } from "vitest";
import { GET as listOnline, POST as postOnline } from "../../app/api/v1/models/[model]/online-metrics/route";
import { GET as listEvals, POST as postEvals } from "../../app/api/v1/models/[model]/versions/[version]/evaluations/route";
import { db } from "../../lib/server/db";
import { recordEvaluations } from "../../lib/server/registry/record-evaluations";
import { recordOnlineMetrics } from "../../lib/server/registry/record-online-metrics";
import { auditCount, bulkVersions, freshModel, params, request, tokenWith, userCtx } from "./registry-fixtures";

function postScores(model: string, version: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  return postEvals(request("POST", `/api/v1/models/${model}/versions/${version}/evaluations`, token, body, headers), params({ model, version }));
}

const batch = (n: number, value = (i: number) => i / n) =>
  Array.from({ length: n }, (_, i) => ({ metric: `m${i % 100}`, dataset: `slice-${Math.floor(i / 100)}`, value: value(i) }));

describe("POST /api/v1/models/{model}/versions/{version}/evaluations", () => {
  it("stores 10,000 scores in one batch with one audit row, and reads them back", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const token = await tokenWith(["ingest", "read"]);
    const audits = await auditCount("evaluations.recorded");
    const started = Date.now();
    const res = await postScores(m.modelName, "1", token, { evaluations: batch(10_000) });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 10_000, inserted: 10_000, updated: 0, unchanged: 0 });
    expect(await auditCount("evaluations.recorded")).toBe(audits + 1);
    expect(elapsed).toBeLessThan(10_000);
    const read = await listEvals(request("GET", `/api/v1/models/${m.modelName}/versions/1/evaluations?metric=m7`, token), params({ model: m.modelName, version: "1" }));
    const body = await read.json();
    expect(body.evaluations).toHaveLength(100);
    expect(body.evaluations[0]).toMatchObject({ metric: "m7", dataset: "slice-0", value: 7 / 10_000 });
    const forbidden = await listEvals(request("GET", `/api/v1/models/${m.modelName}/versions/1/evaluations`, await tokenWith(["ingest"])), params({ model: m.modelName, version: "1" }));
    expect(forbidden.status).toBe(403);
    const missing = await listEvals(request("GET", `/api/v1/models/${m.modelName}/versions/2/evaluations`, token), params({ model: m.modelName, version: "2" }));
    expect(missing.status).toBe(404);
  });

  it("is idempotent: a replay changes nothing and writes no audit row; a new value is an update", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const token = await tokenWith(["ingest"]);
    const scores = [{ metric: "ndcg@10", value: 0.33 }, { metric: "coverage", value: 0.4, dataset: "holdout" }];
    await postScores(m.modelName, "1", token, { evaluations: scores });
    const audits = await auditCount("evaluations.recorded");
    const replay = await postScores(m.modelName, "1", token, { evaluations: scores });
    expect(await replay.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await auditCount("evaluations.recorded")).toBe(audits);
    const changed = await postScores(m.modelName, "1", token, { evaluations: [{ metric: "ndcg@10", value: 0.34 }, { metric: "recall@50", value: 0.7 }] });
    expect(await changed.json()).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    expect(await auditCount("evaluations.recorded")).toBe(audits + 1);
    expect(await db().evaluation.count({ where: { modelId: m.modelId } })).toBe(3);
  });

  it("replays the stored response for a repeated Idempotency-Key", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const token = await tokenWith(["ingest"]);
    const body = { evaluations: [{ metric: "ndcg@10", value: 0.33 }] };
    const first = await postScores(m.modelName, "1", token, body, { "idempotency-key": "scores-1" });
    const second = await postScores(m.modelName, "1", token, body, { "idempotency-key": "scores-1" });
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
  });

  it("accepts a metric the model does not declare", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const res = await postScores(m.modelName, "1", await tokenWith(["ingest"]), { evaluations: [{ metric: "serendipity", value: 0.12 }] });
    expect(res.status).toBe(200);
    expect(await db().evaluation.findFirst({ where: { modelId: m.modelId }, select: { metric: true, dataset: true } })).toEqual({ metric: "serendipity", dataset: "" });
  });

  it("refuses the whole batch when one score is bad, naming it", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const token = await tokenWith(["ingest"]);
    const scores = batch(500);
    scores[3] = { ...scores[3], value: "high" as unknown as number };
    scores[9] = { ...scores[9], metric: "" };
    const res = await postScores(m.modelName, "1", token, { evaluations: scores });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(["evaluations.3.value", "evaluations.9.metric"]);
    const dupes = await postScores(m.modelName, "1", token, { evaluations: [{ metric: "a", value: 1 }, { metric: "b", value: 1 }, { metric: "a", value: 2, dataset: "" }] });
    expect((await dupes.json()).error.fields).toEqual([{ path: "evaluations.2.metric", message: "same metric and dataset as evaluations.0" }]);
    const tooMany = await postScores(m.modelName, "1", token, { evaluations: batch(10_001) });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.fields[0].path).toBe("evaluations");
    expect(await postScores(m.modelName, "1", token, { evaluations: [] }).then((r) => r.status)).toBe(400);
    // Keys nobody reads are refused, in the body and in a row.
    const extra = await postScores(m.modelName, "1", token, { evaluations: [{ metric: "a", value: 1 }], version: 7 } as never);
    expect(extra.status).toBe(400);
    expect((await extra.json()).error.fields).toEqual([{ path: "(root)", message: "Unrecognized key: \"version\"" }]);
    const extraInRow = await postScores(m.modelName, "1", token, { evaluations: [{ metric: "a", value: 1, slice: "x" }] } as never);
    expect((await extraInRow.json()).error.fields).toEqual([expect.objectContaining({ path: "evaluations.0" })]);
    expect(await db().evaluation.count({ where: { modelId: m.modelId } })).toBe(0);
  });

  it("answers 404 for an unknown model or version, 403 without the ingest scope or role", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const body = { evaluations: [{ metric: "ndcg@10", value: 0.3 }] };
    expect((await postScores("nope", "1", await tokenWith(["ingest"]), body)).status).toBe(404);
    expect((await postScores(m.modelName, "2", await tokenWith(["ingest"]), body)).status).toBe(404);
    expect((await postScores(m.modelName, "1", await tokenWith(["read", "gate"]), body)).status).toBe(403);
    await expect(recordEvaluations({ ctx: await userCtx("viewer"), input: { model: m.modelName, version: 1, evaluations: body.evaluations } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().evaluation.count({ where: { modelId: m.modelId } })).toBe(0);
  });
});

describe("online metrics", () => {
  function post(model: string, token: string, body: unknown) {
    return postOnline(request("POST", `/api/v1/models/${model}/online-metrics`, token, body), params({ model }));
  }
  async function list(model: string, token: string, query: string) {
    const res = await listOnline(request("GET", `/api/v1/models/${model}/online-metrics${query}`, token), params({ model }));
    return { status: res.status, body: await res.json() };
  }

  it("stores daily values per version and returns a range", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 2);
    const token = await tokenWith(["ingest", "read"]);
    const audits = await auditCount("online_metrics.recorded");
    const res = await post(m.modelName, token, {
      rows: [
        { day: "2026-03-01", version: 1, values: { impressions: 1_800_000, stream_rate: 0.041 } },
        { day: "2026-03-02", version: 1, values: { impressions: 1_750_000, stream_rate: 0.04, skips_per_session: 2.5 } },
        { day: "2026-03-02", version: 2, values: { impressions: 20_000, stream_rate: 0.043 } },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rows: 3, values: 7, inserted: 7, from: "2026-03-01", to: "2026-03-02" });
    expect(await auditCount("online_metrics.recorded")).toBe(audits + 1);
    const range = await list(m.modelName, token, "?from=2026-03-02&to=2026-03-02&metric=stream_rate");
    expect(range.body.rows).toEqual([
      { day: "2026-03-02", version: 1, metric: "stream_rate", value: 0.04 },
      { day: "2026-03-02", version: 2, metric: "stream_rate", value: 0.043 },
    ]);
    expect((await list(m.modelName, token, "?from=2026-02-01&to=2026-03-31&version=2")).body.rows).toHaveLength(2);
    expect((await list(m.modelName, token, "?from=2026-03-01&to=2026-03-31")).body.rows).toHaveLength(7);
  });

  it("replays without change, and updates a corrected value", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const token = await tokenWith(["ingest"]);
    const body = { rows: [{ day: "2026-03-01", version: 1, values: { stream_rate: 0.041 } }] };
    await post(m.modelName, token, body);
    const audits = await auditCount("online_metrics.recorded");
    expect(await (await post(m.modelName, token, body)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await auditCount("online_metrics.recorded")).toBe(audits);
    expect(await (await post(m.modelName, token, { rows: [{ day: "2026-03-01", version: 1, values: { stream_rate: 0.042 } }] })).json()).toMatchObject({ updated: 1 });
  });

  it("refuses the whole batch when a row names a version of another model or a bad day", async () => {
    const m = await freshModel();
    const other = await freshModel();
    await bulkVersions(m.modelId, 1);
    await bulkVersions(other.modelId, 3);
    const token = await tokenWith(["ingest"]);
    const res = await post(m.modelName, token, { rows: [{ day: "2026-03-01", version: 1, values: { stream_rate: 0.04 } }, { day: "2026-03-01", version: 3, values: { stream_rate: 0.04 } }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual([{ path: "rows.1.version", message: `${m.modelName} has no version 3` }]);
    const bad = await post(m.modelName, token, { rows: [{ day: "2026-02-30", version: 1, values: {} }, { day: "2026-03-01", version: 1, values: { a: 1 } }, { day: "2026-03-01", version: 1, values: { b: 1 } }] });
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(["rows.0.day", "rows.0.values", "rows.2.day"]);
    expect(await db().onlineMetric.count({ where: { modelId: m.modelId } })).toBe(0);
  });

  it("checks ranges and access: 400 for from after to, 404 for an unknown model, 403 without the scope or role", async () => {
    const m = await freshModel();
    const token = await tokenWith(["read"]);
    const reversed = await list(m.modelName, token, "?from=2026-03-02&to=2026-03-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields[0].path).toBe("to");
    expect((await list(m.modelName, token, "?from=2010-01-01&to=2026-03-01")).status).toBe(400);
    expect((await list("nope", token, "")).status).toBe(404);
    expect((await list(m.modelName, await tokenWith(["ingest"]), "")).status).toBe(403);
    expect((await post(m.modelName, token, { rows: [{ day: "2026-03-01", version: 1, values: { a: 1 } }] })).status).toBe(403);
    await expect(recordOnlineMetrics({ ctx: await userCtx("reviewer"), input: { model: m.modelName, rows: [{ day: "2026-03-01", version: 1, values: { a: 1 } }] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
