import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedModel } from "../../prisma/seed/shelves";
import { seedVersions } from "../../prisma/seed/versions";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createToken } from "../../lib/server/tokens/create-token";
import { startAppServer, type AppServer } from "../support/app-server";

// The Python client and the example pipeline step, run with python3 against the app served by the
// production web tier on this file's database: what a pipeline author downloads is what is tested.
const ROOT = path.resolve(import.meta.dirname, "../..");
const CLIENT_DIR = path.join(ROOT, "public");
const STEP = path.join(ROOT, "public/examples/pipeline_step.py");
const MODEL = "podcast-model";

let app: AppServer;
let token: string;
let readOnly: string;
let work: string;

beforeAll(async () => {
  await db().$transaction(async (tx) => {
    // A model whose gate may push by itself: threshold 0.30 on ndcg@10, no approval, no skew or review rules.
    const m = await seedModel(tx, { slug: "shows-you-might-like", threshold: 0.3 });
    await tx.gatePolicy.update({ where: { modelId: m.modelId }, data: { approvalsRequired: 0, skewFreeDays: null, minReviews: 0, maxWorseShare: null, maxRegression: 0.05 } });
    const { versions } = await seedVersions(tx, { modelId: m.modelId, count: 3 });
    await tx.modelAlias.create({ data: { modelId: m.modelId, alias: "production", versionId: versions[1].id } });
  });
  token = (await createToken({ ctx: systemCtx("test"), input: { name: "pipeline", scopes: ["ingest", "gate", "read"] } })).token;
  readOnly = (await createToken({ ctx: systemCtx("test"), input: { name: "reader", scopes: ["read"] } })).token;
  work = fs.mkdtempSync(path.join(os.tmpdir(), "sw-python-"));
  app = await startAppServer(process.env.DATABASE_URL!);
}, 600_000);

afterAll(async () => {
  await app?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string };

function python(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn("python3", args, { cwd: work, env: { ...process.env, PYTHONPATH: CLIENT_DIR, PYTHONDONTWRITEBYTECODE: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a Python snippet with a client `sw` bound to the server; it prints one JSON line. */
async function snippet(code: string, env: Record<string, string> = {}) {
  const run = await python(["-c", `import json, os\nfrom shelfwatch_client import *\nsw = Shelfwatch(os.environ["SHELFWATCH_URL"], os.environ.get("SHELFWATCH_TOKEN"), retries=1, backoff=0.05)\n${code}`], {
    SHELFWATCH_URL: app.url,
    SHELFWATCH_TOKEN: token,
    ...env,
  });
  expect(run.stderr, run.stderr).toBe("");
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

const SAMPLES = {
  catalog: [
    { uri: "podcast:show:py-1", type: "podcast", title: "Snakes and Ladders", creator: "Ada", genres: ["comedy"] },
    { uri: "podcast:show:py-2", type: "podcast", title: "The Long Listen", creator: "Bo", genres: ["history"] },
  ],
  samples: [
    { listener: { id: "py-listener-1", country: "se", topGenres: ["comedy"] }, items: [{ uri: "podcast:show:py-1", rank: 1, score: 0.9 }, { uri: "podcast:show:py-2", rank: 2, score: 0.7 }] },
    { listener: { id: "py-listener-2", isNew: true }, items: [{ uri: "podcast:show:py-2", rank: 1, score: 0.8 }] },
  ],
};

describe("the example pipeline step", () => {
  it("registers a version, posts its scores and samples, and exits 0 when the gate pushes it", async () => {
    const scores = writeJson("good-scores.json", { "ndcg@10": 0.36, "recall@50": 0.74, coverage: 0.37 });
    const samples = writeJson("samples.json", SAMPLES);
    // Real TFDV statistics (the TFX taxi example's training split), as a pipeline's TFDV step writes them.
    const statistics = path.join(ROOT, "test/fixtures/tfdv/tfx_taxi_stats_train.json");
    const run = await python([STEP, "--model", MODEL, "--scores", scores, "--statistics", statistics, "--samples", samples, "--run-id", "run-42", "--code-revision", "abc123"], { SHELFWATCH_URL: app.url, SHELFWATCH_TOKEN: token });
    expect(run.stderr).toBe("");
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`registered ${MODEL} v4`);
    expect(run.stdout).toContain("posted 3 scores");
    expect(run.stdout).toMatch(/posted training statistics of \d+ features; \d+ reports/);
    expect(run.stdout).toContain("posted samples for 2 listeners");
    expect(run.stdout).toContain(`${MODEL} v4 is now in production`);
    const production = await db().modelAlias.findFirstOrThrow({ where: { alias: "production", model: { name: MODEL } }, select: { version: { select: { version: true, pipelineRunId: true, codeRevision: true } } } });
    expect(production.version).toEqual({ version: 4, pipelineRunId: "run-42", codeRevision: "abc123" });
    expect(await db().recommendationSample.count({ where: { version: { version: 4, model: { name: MODEL } } } })).toBe(2);
    expect(await db().featureStatistics.count({ where: { kind: "training", version: { version: 4, model: { name: MODEL } } } })).toBe(1);
  });

  it("exits 2 and prints the gate's reasons when the gate refuses", async () => {
    const scores = writeJson("bad-scores.json", { "ndcg@10": 0.21 });
    const run = await python([STEP, "--model", MODEL, "--scores", scores], { SHELFWATCH_URL: app.url, SHELFWATCH_TOKEN: token });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain(`the gate refused ${MODEL} v5`);
    expect(run.stdout).toMatch(/ndcg@10/);
    expect((await db().promotionRequest.findFirstOrThrow({ where: { version: { version: 5 } }, select: { status: true } })).status).toBe("refused");
  });

  it("exits 1 with the server's field errors on a bad payload", async () => {
    const scores = writeJson("broken-scores.json", [{ metric: "ndcg@10", value: "high" }]);
    const run = await python([STEP, "--model", MODEL, "--scores", scores], { SHELFWATCH_URL: app.url, SHELFWATCH_TOKEN: token });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("400 INVALID_REQUEST");
    expect(run.stdout).toMatch(/evaluations\.0\.value: /);
  });
});

describe("the client", () => {
  it("raises typed errors carrying the server's code, message and fields", async () => {
    const out = await snippet(`
try:
    sw.post_evaluations("${MODEL}", 4, [{"metric": "", "value": "x"}])
except InvalidRequest as e:
    print(json.dumps({"status": e.status, "code": e.code, "fields": [list(f) for f in e.fields], "text": str(e)}))`);
    expect(out.status).toBe(400);
    expect(out.code).toBe("INVALID_REQUEST");
    expect(out.fields.map((f: string[]) => f[0]).sort()).toEqual(["evaluations.0.metric", "evaluations.0.value"]);
    expect(out.text).toMatch(/^400 INVALID_REQUEST: .*\n {2}evaluations\.0\./);

    const missing = await snippet(`
try:
    sw.get_version("no-such-model", 1)
except NotFound as e:
    print(json.dumps({"status": e.status, "code": e.code}))`);
    expect(missing).toEqual({ status: 404, code: "NOT_FOUND" });

    const forbidden = await snippet(`
try:
    sw.register_version("${MODEL}")
except Forbidden as e:
    print(json.dumps({"status": e.status, "message": e.message}))`, { SHELFWATCH_TOKEN: readOnly });
    expect(forbidden.status).toBe(403);

    const unauthenticated = await snippet(`
try:
    sw.list_models()
except Unauthenticated as e:
    print(json.dumps({"status": e.status}))`, { SHELFWATCH_TOKEN: "sw_wrong_token" });
    expect(unauthenticated).toEqual({ status: 401 });
  });

  it("reads back what it wrote (v6 was registered by the step whose scores were refused)", async () => {
    const out = await snippet(`
models = sw.list_models()
v = sw.get_version("${MODEL}", 4)
scores = sw.list_evaluations("${MODEL}", 4, metric="ndcg@10")
versions = [x["version"] for x in sw.iter_versions("${MODEL}", page_size=2)]
prod = sw.production_at("${MODEL}")
lst = sw.get_listener_samples("${MODEL}", 4, "py-listener-1")
print(json.dumps({"models": [m["name"] for m in models], "status": v["status"], "score": scores[0]["value"], "versions": versions, "prod": prod["version"], "items": [i["uri"] for i in lst["items"]], "health": sw.health()["checks"]["database"]["ok"]}))`);
    expect(out).toEqual({ models: [MODEL], status: "production", score: 0.36, versions: [6, 5, 4, 3, 2, 1], prod: 4, items: ["podcast:show:py-1", "podcast:show:py-2"], health: true });
  });

  it("posts serving feature rows as NDJSON and reads the skew report they produce", async () => {
    const out = await snippet(`
rows = [{"trip_miles": 1.5 + i % 7, "payment_type": "Cash" if i % 3 else "Credit Card", "company": "Flash Cab"} for i in range(300)]
import datetime
today = datetime.datetime.now(datetime.timezone.utc).date()
r = sw.post_feature_rows("${MODEL}", rows, kind="serving", day=today)
reports = sw.list_reports("${MODEL}", kind="skew")
one = sw.get_report("${MODEL}", reports[0]["id"])
print(json.dumps({"examples": r["dataset"]["numExamples"], "posted": [x["kind"] for x in r["reports"]], "day": reports[0]["day"] == today.isoformat(), "baseline": one["baseline"]["datasetKey"], "features": len(one["features"])}))`);
    expect(out.examples).toBe(300);
    expect(out.posted).toContain("skew");
    expect(out.day).toBe(true);
    // Skew compares the day with the training set of the version in production: v4, whose TFDV statistics the step posted.
    expect(out.baseline).toBe("training:v4");
    expect(out.features).toBeGreaterThan(0);
  });

  it("retries 5xx answers with one Idempotency-Key for every attempt", async () => {
    // A stand-in server that fails twice, then answers: the client must try three times with one key.
    const seen: { key: string | undefined; method: string }[] = [];
    const flaky = http.createServer((req, res) => {
      seen.push({ key: req.headers["idempotency-key"] as string | undefined, method: req.method! });
      req.resume();
      req.on("end", () => {
        if (seen.length <= 2) res.writeHead(503, { "content-type": "application/json" }).end('{"error":{"code":"INTERNAL","message":"try later"}}');
        else res.writeHead(200, { "content-type": "application/json" }).end('{"model":"m","version":1,"received":1,"inserted":1,"updated":0,"unchanged":0}');
      });
    });
    await new Promise<void>((r) => flaky.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    const out = await snippet(`
sw = Shelfwatch(os.environ["SHELFWATCH_URL"], "t", retries=3, backoff=0.01)
print(json.dumps(sw.post_evaluations("m", 1, {"ndcg@10": 0.3})))`, { SHELFWATCH_URL: url });
    await new Promise((r) => flaky.close(r));
    expect(out.inserted).toBe(1);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.key)).size).toBe(1);
    expect(seen[0].key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives up on an unreachable server with ConnectionFailed after its retries", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((r) => closed.close(r));
    const out = await snippet(`
sw = Shelfwatch(os.environ["SHELFWATCH_URL"], "t", retries=2, backoff=0.01)
try:
    sw.list_models()
except ConnectionFailed as e:
    print(json.dumps({"status": e.status, "text": str(e)}))`, { SHELFWATCH_URL: url });
    expect(out.status).toBeNull();
    expect(out.text).toMatch(/after 3 attempts/);
  });

  it("replays a write sent twice with the same key instead of storing it twice", async () => {
    const out = await snippet(`
a = sw.register_version("${MODEL}", pipeline_run_id="replayed-run", idempotency_key="fixed-key-1")
b = sw.register_version("${MODEL}", pipeline_run_id="replayed-run", idempotency_key="fixed-key-1")
print(json.dumps({"a": a["version"], "b": b["version"]}))`);
    expect(out.a).toBe(out.b);
    expect(await db().modelVersion.count({ where: { pipelineRunId: "replayed-run" } })).toBe(1);
  });
});

describe("receiving webhooks in Python", () => {
  it("verifies Shelfwatch's signature with verify_webhook_signature, and refuses a tampered body", async () => {
    const { signatureHeader } = await import("../../lib/server/webhooks/signature");
    const body = JSON.stringify({ text: "🔴 [Shelfwatch] Skew", event: { type: "alert.raised" } });
    const now = Math.floor(Date.now() / 1000);
    const header = signatureHeader("whsec_py", now, body);
    const out = await snippet(`
body = os.environ["BODY"].encode("utf-8")
h = os.environ["HEADER"]
print(json.dumps([verify_webhook_signature("whsec_py", h, body), verify_webhook_signature("whsec_py", h, body + b" "), verify_webhook_signature("other", h, body), verify_webhook_signature("whsec_py", h, body, now=${now} + 3600)]))`, { BODY: body, HEADER: header });
    expect(out).toEqual([true, false, false, false]);
  });
});

describe("downloads", () => {
  it("serves the client and the example step as they are in the repository", async () => {
    for (const [route, file] of [["/shelfwatch_client.py", "public/shelfwatch_client.py"], ["/examples/pipeline_step.py", "public/examples/pipeline_step.py"]]) {
      const res = await fetch(`${app.url}${route}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(fs.readFileSync(path.join(ROOT, file), "utf8"));
    }
  });

  it("is standard-library only and compiles", async () => {
    const run = await python(["-c", `
import ast, sys
tree = ast.parse(open(sys.argv[1]).read())
mods = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names} | {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
print(sorted(m for m in mods if m not in sys.stdlib_module_names and m != "__future__"))`, path.join(CLIENT_DIR, "shelfwatch_client.py")]);
    expect(run.stdout.trim()).toBe("[]");
  });
});
