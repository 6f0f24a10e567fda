import { describe, expect, it } from "vitest";
import { GET as getModels } from "../../app/api/v1/models/route";
import { GET as getVersionRoute } from "../../app/api/v1/models/[model]/versions/[version]/route";
import { GET as listVersionsRoute, POST as registerRoute } from "../../app/api/v1/models/[model]/versions/route";
import { db } from "../../lib/server/db";
import { registerVersion } from "../../lib/server/registry/register-version";
import { auditCount, bulkVersions, freshModel, params, request, tokenWith, userCtx } from "./registry-fixtures";

const lineage = {
  version: 7,
  trainedAt: "2026-03-01T04:00:00Z",
  dataWindow: { start: "2026-02-01", end: "2026-03-01" },
  pipelineRunId: "weekly-2026-03-01",
  pipelineRunUrl: "https://pipelines.example.com/runs/weekly-2026-03-01",
  codeRevision: "4f1c2a9",
  hyperparameters: { learning_rate: 0.002, layers: [128, 64], optimizer: { name: "adam", beta1: 0.9 } },
  artifactUri: "gs://bucket/podcast/v7",
  tags: { trigger: "weekly-schedule" },
};

function register(model: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  return registerRoute(request("POST", `/api/v1/models/${model}/versions`, token, body, headers), params({ model }));
}

describe("GET /api/v1/models", () => {
  it("lists every model with its shelf, primary metric and production version", async () => {
    const m = await freshModel(0.31);
    const [v1] = await bulkVersions(m.modelId, 2);
    await db().modelAlias.create({ data: { modelId: m.modelId, alias: "production", versionId: v1.id } });
    await db().deployment.create({ data: { modelId: m.modelId, toVersionId: v1.id, reason: "initial", actor: "test", createdAt: new Date("2026-01-02T00:00:00Z") } });
    const res = await getModels(request("GET", "/api/v1/models", await tokenWith(["read"])), params({}));
    expect(res.status).toBe(200);
    const found = (await res.json()).models.find((x: { name: string }) => x.name === m.modelName);
    expect(found).toMatchObject({
      shelf: { slug: m.slug },
      primaryMetric: "ndcg@10",
      direction: "higher_is_better",
      threshold: 0.31,
      production: { version: 1, since: "2026-01-02T00:00:00.000Z" },
      latestVersion: 2,
    });
  });

  it("answers 401 without a token and 403 to a token without the read scope", async () => {
    expect((await getModels(request("GET", "/api/v1/models", null), params({}))).status).toBe(401);
    expect((await getModels(request("GET", "/api/v1/models", await tokenWith(["ingest"])), params({}))).status).toBe(403);
  });
});

describe("POST /api/v1/models/{model}/versions", () => {
  it("registers a version with its lineage and one audit row", async () => {
    const m = await freshModel();
    const token = await tokenWith(["ingest"]);
    await register(m.modelName, token, { version: 6 });
    const before = await auditCount("version.registered");
    const res = await register(m.modelName, token, { ...lineage, parentVersion: 6 });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.created).toBe(true);
    expect(body.version).toMatchObject({
      model: m.modelName,
      version: 7,
      trainedAt: "2026-03-01T04:00:00.000Z",
      dataWindow: { start: "2026-02-01T00:00:00.000Z", end: "2026-03-01T00:00:00.000Z" },
      parentVersion: 6,
      hyperparameters: lineage.hyperparameters,
      tags: lineage.tags,
      pipelineRunUrl: lineage.pipelineRunUrl,
      createdBy: expect.stringMatching(/^token:/),
    });
    expect(await auditCount("version.registered")).toBe(before + 1);
  });

  it("assigns the next number when none is given, even to concurrent registrations", async () => {
    const m = await freshModel();
    const token = await tokenWith(["ingest"]);
    await register(m.modelName, token, { version: 3 });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => register(m.modelName, token, { pipelineRunId: `run-${i}` })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const numbers = (await Promise.all(results.map((r) => r.json()))).map((b) => b.version.version).sort();
    expect(numbers).toEqual([4, 5, 6, 7, 8]);
  });

  it("is idempotent: the same registration again returns the stored version without a second row or audit", async () => {
    const m = await freshModel();
    const token = await tokenWith(["ingest"]);
    expect((await register(m.modelName, token, lineage)).status).toBe(201);
    const audits = await auditCount("version.registered");
    const replay = await register(m.modelName, token, { ...lineage, hyperparameters: { optimizer: { beta1: 0.9, name: "adam" }, layers: [128, 64], learning_rate: 0.002 } });
    expect(replay.status).toBe(200);
    expect((await replay.json()).created).toBe(false);
    // Assigned numbers replay by pipeline run.
    const { version: _v, ...unnumbered } = lineage;
    const byRun = await register(m.modelName, token, unnumbered);
    expect(byRun.status).toBe(200);
    expect((await byRun.json()).version.version).toBe(7);
    expect(await db().modelVersion.count({ where: { modelId: m.modelId } })).toBe(1);
    expect(await auditCount("version.registered")).toBe(audits);
  });

  it("replays a request sent again with the same Idempotency-Key", async () => {
    const m = await freshModel();
    const token = await tokenWith(["ingest"]);
    const first = await register(m.modelName, token, {}, { "idempotency-key": "k-1" });
    const second = await register(m.modelName, token, {}, { "idempotency-key": "k-1" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect((await second.json()).version.version).toBe((await first.json()).version.version);
    expect(await db().modelVersion.count({ where: { modelId: m.modelId } })).toBe(1);
  });

  it("refuses a different registration under an existing number with 409 naming the fields", async () => {
    const m = await freshModel();
    const token = await tokenWith(["ingest"]);
    await register(m.modelName, token, lineage);
    const res = await register(m.modelName, token, { ...lineage, codeRevision: "other", tags: {} });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("CONFLICT");
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["codeRevision", "tags"]);
  });

  it("answers 400 with every field at fault, and stores nothing", async () => {
    const m = await freshModel();
    const res = await register(m.modelName, await tokenWith(["ingest"]), {
      version: 0,
      trainedAt: "yesterday",
      pipelineRunUrl: "not a url",
      hyperparameters: "lr=0.1",
      dataWindow: { start: "2026-03-02", end: "2026-03-01" },
      colour: "blue",
    });
    expect(res.status).toBe(400);
    const paths = (await res.json()).error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["version", "trainedAt", "pipelineRunUrl", "hyperparameters", "dataWindow.end"]));
    expect(paths.some((p: string) => p === "(root)" || p === "colour")).toBe(true);
    expect(await db().modelVersion.count({ where: { modelId: m.modelId } })).toBe(0);
  });

  it("answers 400 for a parent version that does not exist", async () => {
    const m = await freshModel();
    const res = await register(m.modelName, await tokenWith(["ingest"]), { parentVersion: 41 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual([{ path: "parentVersion", message: "no such version" }]);
  });

  it("answers 404 for an unknown model and 403 to a read-only token or a viewer", async () => {
    expect((await register("no-such-model", await tokenWith(["ingest"]), {})).status).toBe(404);
    const m = await freshModel();
    expect((await register(m.modelName, await tokenWith(["read"]), {})).status).toBe(403);
    await expect(registerVersion({ ctx: await userCtx("viewer"), input: { model: m.modelName } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(registerVersion({ ctx: await userCtx("reviewer"), input: { model: m.modelName } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await registerVersion({ ctx: await userCtx("engineer"), input: { model: m.modelName } })).version.createdBy).toMatch(/@example.com$/);
  });
});

describe("GET /api/v1/models/{model}/versions", () => {
  async function page(model: string, token: string, query: string) {
    const res = await listVersionsRoute(request("GET", `/api/v1/models/${model}/versions${query}`, token), params({ model }));
    return { status: res.status, body: await res.json() };
  }

  it("pages newest first with a cursor until the oldest version", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 5);
    const token = await tokenWith(["read"]);
    const first = await page(m.modelName, token, "?limit=2");
    expect(first.body.versions.map((v: { version: number }) => v.version)).toEqual([5, 4]);
    expect(first.body.nextCursor).toBe("4");
    const second = await page(m.modelName, token, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    const last = await page(m.modelName, token, `?limit=2&cursor=${second.body.nextCursor}`);
    expect(last.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(last.body.nextCursor).toBeNull();
  });

  it("has no next page when the page holds exactly the rest, and an empty page past the end", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 3);
    const token = await tokenWith(["read"]);
    expect((await page(m.modelName, token, "?limit=3")).body.nextCursor).toBeNull();
    expect((await page(m.modelName, token, "?limit=2&cursor=1")).body).toEqual({ model: m.modelName, versions: [], nextCursor: null });
    expect((await page(m.modelName, token, "")).body.versions).toHaveLength(3);
  });

  it("answers 400 for a limit out of range or a foreign cursor, 404 for an unknown model", async () => {
    const m = await freshModel();
    const token = await tokenWith(["read"]);
    const tooMany = await page(m.modelName, token, "?limit=201");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields[0].path).toBe("limit");
    expect((await page(m.modelName, token, "?cursor=abc")).body.error.fields[0].path).toBe("cursor");
    expect((await page("nope", token, "")).status).toBe(404);
    expect((await page(m.modelName, await tokenWith(["ingest", "gate"]), "")).status).toBe(403);
  });
});

describe("GET /api/v1/models/{model}/versions/{version}", () => {
  it("returns the version with its status, or 404 / 400", async () => {
    const m = await freshModel();
    const token = await tokenWith(["ingest", "read"]);
    await register(m.modelName, token, { version: 1 });
    await register(m.modelName, token, { version: 2, parentVersion: 1 });
    const get = (v: string) => getVersionRoute(request("GET", `/api/v1/models/${m.modelName}/versions/${v}`, token), params({ model: m.modelName, version: v }));
    const res = await get("2");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 2, parentVersion: 1, status: "candidate", productionVersion: null, children: [] });
    expect((await (await get("1")).json()).children).toEqual([2]);
    expect((await get("3")).status).toBe(404);
    expect((await get("two")).status).toBe(400);
    const ingestOnly = await tokenWith(["ingest"]);
    expect((await getVersionRoute(request("GET", `/api/v1/models/${m.modelName}/versions/2`, ingestOnly), params({ model: m.modelName, version: "2" }))).status).toBe(403);
  });
});
