// `npm run bench:registry`: the registry at scale (10,000 versions, 1,000,000 scores for one model) in a
// scratch embedded PostgreSQL; the shelf page, the version page and the versions API over HTTP with 20
// concurrent clients; and evaluation batch ingestion. Prints a table. Not a timed test: it reports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { systemCtx } from "../../lib/server/context";
import { createClient, setDb } from "../../lib/server/db";
import { recordEvaluations } from "../../lib/server/registry/record-evaluations";
import { registerVersion } from "../../lib/server/registry/register-version";
import { createToken } from "../../lib/server/tokens/create-token";
import { createUser } from "../../lib/server/users/create-user";
import { load, startApp, type LoadResult } from "./registry-http";
import { BENCH_MODEL, BENCH_SLUG, SCALE, seedRegistryScale } from "./registry-scale";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// Each page is measured warm, as on a server that has been up a while: the JIT has compiled its code.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
// Between two loads: the requests the last one left queued finish, and the web tier sees its connections
// closed before the next one opens its own (as between two bursts of real traffic).
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));
const BATCH = 10_000;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const DIST_DIR = process.env.SHELFWATCH_DIST_DIR ?? ".next-bench";
const log = (m: string) => console.log(`[bench] ${m}`);

function scores(n: number, salt: number) {
  return Array.from({ length: n }, (_, i) => ({ metric: `metric_${i % 50}`, dataset: `slice:${Math.floor(i / 50)}`, value: Math.sin(i + salt) / 2 + 0.5 }));
}

async function main() {
  const loadAtStart = os.loadavg()[0]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shelfwatch-bench-registry-"));
  const pg = await startEmbedded(dir);
  let stopApp = async () => {};
  const client = createClient(pg.url, 8);
  try {
    await migrate(pg.url);
    setDb(client);
    const now = new Date();
    let started = Date.now();
    const seeded = await seedRegistryScale(client, now);
    log(`seeded ${SCALE.versions.toLocaleString()} versions and ${seeded.scores.toLocaleString()} scores in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const ctx = systemCtx("bench");
    const password = "benchmark-password";
    await createUser({ ctx, input: { email: "bench@example.com", name: "Bench", role: "engineer", password } });
    const token = (await createToken({ ctx, input: { name: "bench", scopes: ["read", "ingest"] } })).token;

    const port = await freePort();
    const app = await startApp({ databaseUrl: pg.url, port, distDir: DIST_DIR, log });
    stopApp = app.stop;
    const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email: "bench@example.com", password }),
    });
    const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);

    const page = { cookie };
    const api = { authorization: `Bearer ${token}` };
    const targets: [string, string, Record<string, string>][] = [
      ["shelf page", `/shelves/${BENCH_SLUG}`, page],
      ["shelf page, sorted by metric, page 200", `/shelves/${BENCH_SLUG}?sort=metric&dir=asc&page=200`, page],
      ["version page (candidate vs production)", `/shelves/${BENCH_SLUG}/versions/${seeded.candidate}`, page],
      ["version page, compare with v5000", `/shelves/${BENCH_SLUG}/versions/${seeded.production}?compare=5000`, page],
      ["GET versions API, 50 newest", `/api/v1/models/${BENCH_MODEL}/versions?limit=50`, api],
      ["GET versions API, deep cursor", `/api/v1/models/${BENCH_MODEL}/versions?limit=50&cursor=2500`, api],
    ];
    const results: LoadResult[] = [];
    for (const [name, p, headers] of targets) {
      await settle();
      await load(name, app.url + p, headers, { connections: CONNECTIONS, seconds: WARMUP_SECONDS });
      await settle();
      log(`measuring ${name} (${CONNECTIONS} clients, ${SECONDS} s)…`);
      results.push(await load(name, app.url + p, headers, { connections: CONNECTIONS, seconds: SECONDS }));
    }

    // Ingestion, after the pages so that they see the scale as seeded: in process (the data layer alone),
    // then over HTTP (parse, auth, data layer) one batch at a time and four at once, as a pipeline posting
    // several versions' scores would. One batch first warms each path up.
    const fresh: number[] = [];
    for (let i = 0; i < BATCHES * 3 + 2; i++) fresh.push((await registerVersion({ ctx, input: { model: BENCH_MODEL } })).version.version);
    await recordEvaluations({ ctx, input: { model: BENCH_MODEL, version: fresh.pop()!, evaluations: scores(BATCH, -1) } });
    started = Date.now();
    for (let i = 0; i < BATCHES; i++) await recordEvaluations({ ctx, input: { model: BENCH_MODEL, version: fresh[i]!, evaluations: scores(BATCH, i) } });
    const inProcess = (BATCHES * BATCH) / ((Date.now() - started) / 1000);

    const post = async (v: number, salt: number) => {
      const res = await fetch(`${app.url}/api/v1/models/${BENCH_MODEL}/versions/${v}/evaluations`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ evaluations: scores(BATCH, salt) }),
      });
      if (!res.ok) throw new Error(`evaluation batch failed: ${res.status} ${await res.text()}`);
    };
    await post(fresh.pop()!, -2);
    started = Date.now();
    for (const [i, v] of fresh.slice(BATCHES, 2 * BATCHES).entries()) await post(v, 100 + i);
    const overHttp = (BATCHES * BATCH) / ((Date.now() - started) / 1000);
    const parallel = fresh.slice(2 * BATCHES, 3 * BATCHES);
    started = Date.now();
    for (let i = 0; i < parallel.length; i += 4) await Promise.all(parallel.slice(i, i + 4).map((v, j) => post(v, 200 + i + j)));
    const overHttpParallel = (parallel.length * BATCH) / ((Date.now() - started) / 1000);

    const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
    console.log(`\nRegistry benchmark: ${SCALE.versions.toLocaleString()} versions, ${seeded.scores.toLocaleString()} scores, ${os.cpus().length} cores, ${CONNECTIONS} concurrent clients, ${SECONDS} s each`);
    // Other work on the machine slows every figure: the load average says how much there was.
    console.log(`Each page warmed up for ${WARMUP_SECONDS} s first; web workers render ${process.env.SHELFWATCH_RENDER_CONCURRENCY ?? "1"} page${(process.env.SHELFWATCH_RENDER_CONCURRENCY ?? "1") === "1" ? "" : "s"} at a time each, and take connections least-connections first.`);
    console.log(`Load average (1 min) at start ${loadAtStart.toFixed(1)}, at the end ${os.loadavg()[0]!.toFixed(1)}\n`);
    console.log(line(["measurement", "p50 ms", "p95 ms", "req/s", "requests", "failures"]));
    console.log(line(["---", "---:", "---:", "---:", "---:", "---:"]));
    for (const r of results) console.log(line([r.name, r.p50.toFixed(0), r.p95.toFixed(0), r.rps.toFixed(1), String(r.requests), String(r.failures)]));
    console.log(`\n${line(["evaluation ingestion", "batch", "batches", "scores/s"])}\n${line(["---", "---:", "---:", "---:"])}`);
    console.log(line(["data layer (in process)", BATCH.toLocaleString(), String(BATCHES), Math.round(inProcess).toLocaleString()]));
    console.log(line(["POST …/evaluations over HTTP, one at a time", BATCH.toLocaleString(), String(BATCHES), Math.round(overHttp).toLocaleString()]));
    console.log(line(["POST …/evaluations over HTTP, 4 at once", BATCH.toLocaleString(), String(parallel.length), Math.round(overHttpParallel).toLocaleString()]));
    console.log("\nTargets: p95 under 300 ms for both pages with 20 clients on 2 cores; at least 50,000 scores/s ingested.");
  } finally {
    await stopApp();
    await client.$disconnect();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
