// `npm run bench:review`: a listener panel of 5,000 listeners × 50 items for two versions of one model,
// in a scratch embedded PostgreSQL. Measures sample ingestion (items per second, over HTTP and in the
// data layer alone) and moving to the next listener of the review queue over HTTP (p50/p95 with
// autocannon, one reviewer and several at once). Prints a table. Not a timed test: it reports.
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { systemCtx } from "../../lib/server/context";
import { createClient, setDb, type Db } from "../../lib/server/db";
import { ingestSamples } from "../../lib/server/review/ingest-samples";
import { createUser } from "../../lib/server/users/create-user";
import { startApp } from "./registry-http";
import { createToken } from "../../lib/server/tokens/create-token";

const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 5_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);
const CATALOG = Number(process.env.BENCH_CATALOG ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DIST_DIR = process.env.SHELFWATCH_DIST_DIR ?? ".next-bench";
const MODEL = "bench-review-model";
const log = (m: string) => console.log(`[bench] ${m}`);

type Tracker = PromiseLike<{ duration: number; non2xx: number; errors: number; timeouts: number }> & {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Record<string, unknown>) => Tracker;

// A deterministic generator, so that two runs ingest the same panel.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TYPES = ["podcast", "episode", "playlist", "album", "artist"] as const;
const uri = (i: number) => `${TYPES[i % TYPES.length]}:bench${String(i).padStart(7, "0")}`;
const listenerId = (i: number) => `bench-listener-${String(i).padStart(5, "0")}`;

function catalog() {
  return Array.from({ length: CATALOG }, (_, i) => ({ uri: uri(i), type: TYPES[i % TYPES.length], title: `Bench title ${i}`, creator: `Creator ${i % 997}`, imageUrl: `https://img.example/${i}.jpg`, genres: ["comedy", "news"].slice(0, 1 + (i % 2)) }));
}

/** Production's lists, then the candidate's: production with a fifth replaced and some items moved. */
function panels() {
  const random = rng(42);
  const production: number[][] = [];
  const candidate: number[][] = [];
  for (let l = 0; l < LISTENERS; l++) {
    const picked = new Set<number>();
    while (picked.size < ITEMS) picked.add(Math.floor(random() * CATALOG));
    const list = [...picked];
    production.push(list);
    const next = list.filter(() => random() > 0.2);
    while (next.length < ITEMS) {
      const extra = Math.floor(random() * CATALOG);
      if (!picked.has(extra) && !next.includes(extra)) next.splice(Math.floor(random() * next.length), 0, extra);
    }
    for (let k = 0; k < 5; k++) {
      const from = Math.floor(random() * next.length);
      const [moved] = next.splice(from, 1);
      next.splice(Math.floor(random() * next.length), 0, moved!);
    }
    candidate.push(next);
  }
  return { production, candidate };
}

function samplesBody(lists: number[][], withContext: boolean, extra: Record<string, unknown> = {}) {
  return {
    ...extra,
    samples: lists.map((list, l) => ({
      listener: withContext ? { id: listenerId(l), isNew: l % 5 === 0, country: ["US", "SE", "BR", "JP"][l % 4], topGenres: ["comedy"], recentListens: list.slice(0, 3).map(uri) } : listenerId(l),
      items: list.map((item, r) => ({ uri: uri(item), rank: r + 1, score: 1 - r / 100, reason: r % 3 === 0 ? "Because you like comedy" : "" })),
    })),
  };
}

async function setUp(client: Db) {
  const shelf = await client.shelf.create({ data: { slug: "bench-review", title: "Bench review", team: "bench" } });
  const model = await client.model.create({ data: { name: MODEL, shelfId: shelf.id } });
  const ids = [];
  for (const version of [1, 2, 3]) ids.push((await client.modelVersion.create({ data: { modelId: model.id, version, trainedAt: new Date() } })).id);
  await client.modelAlias.create({ data: { modelId: model.id, alias: "production", versionId: ids[0]! } });
}

async function post(url: string, token: string, body: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
  if (!res.ok) throw new Error(`POST ${url} failed: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return (performance.now() - started) / 1000;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** `connections` reviewers each walk the queue: every request asks for the listener after the previous one. */
async function walkQueue(name: string, base: string, query: string, cookie: string, connections: number) {
  let cursor = 0;
  const latencies: number[] = [];
  const tracker = autocannon({
    url: base,
    connections,
    duration: SECONDS,
    timeout: 30,
    headers: { cookie },
    requests: [{ method: "GET", setupRequest: (req: Record<string, unknown>) => ({ ...req, path: `/api/v1/models/${MODEL}/versions/2/samples/${listenerId(cursor++ % LISTENERS)}/review${query}` }) }],
  });
  tracker.on("response", (_c, _s, _b, ms) => latencies.push(ms));
  const result = await tracker;
  latencies.sort((a, b) => a - b);
  return { name, connections, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: latencies.length / result.duration, requests: latencies.length, failures: result.non2xx + result.errors + result.timeouts };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shelfwatch-bench-review-"));
  const pg = await startEmbedded(dir);
  const client = createClient(pg.url, 8);
  let stopApp = async () => {};
  try {
    await migrate(pg.url);
    setDb(client);
    await setUp(client);
    const ctx = systemCtx("bench");
    const token = (await createToken({ ctx, input: { name: "bench", scopes: ["ingest", "read"] } })).token;
    await createUser({ ctx, input: { email: "reviewer@bench.example", name: "Reviewer", role: "reviewer", password: "benchmark-password" } });
    const { production, candidate } = panels();
    const bodies = {
      catalog: JSON.stringify({ items: catalog() }),
      production: JSON.stringify(samplesBody(production, true)),
      candidate: JSON.stringify(samplesBody(candidate, false)),
    };

    const app = await startApp({ databaseUrl: pg.url, port: await freePort(), distDir: DIST_DIR, log });
    stopApp = app.stop;
    // Warm-up: the first request of each route loads its code; that is not ingestion time.
    const first = catalog().slice(0, 1);
    await post(`${app.url}/api/v1/catalog/items`, token, JSON.stringify({ items: first }));
    await post(`${app.url}/api/v1/models/${MODEL}/versions/3/samples`, token, JSON.stringify({ samples: [{ listener: { id: "bench-warm-up" }, items: [{ uri: first[0]!.uri, rank: 1, score: 1 }] }] }));
    const items = LISTENERS * ITEMS;
    const mb = (s: string) => (Buffer.byteLength(s) / 1e6).toFixed(1);
    log(`POST catalogue (${CATALOG.toLocaleString()} items, ${mb(bodies.catalog)} MB)…`);
    const catalogSeconds = await post(`${app.url}/api/v1/catalog/items`, token, bodies.catalog);
    log(`POST samples of v1 with listener context (${items.toLocaleString()} items, ${mb(bodies.production)} MB)…`);
    const v1Seconds = await post(`${app.url}/api/v1/models/${MODEL}/versions/1/samples`, token, bodies.production);
    log(`POST samples of v2 (${mb(bodies.candidate)} MB)…`);
    const v2Seconds = await post(`${app.url}/api/v1/models/${MODEL}/versions/2/samples`, token, bodies.candidate);
    log("ingest of v3 in the data layer alone…");
    let started = performance.now();
    await ingestSamples({ ctx, input: { model: MODEL, version: 3, body: JSON.parse(bodies.candidate) } });
    const v3Seconds = (performance.now() - started) / 1000;

    const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: app.url }, body: JSON.stringify({ email: "reviewer@bench.example", password: "benchmark-password" }) });
    const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

    // The first request of a queue computes the panel's comparison (5,000 RBOs) and memoizes it.
    const cold: [string, number][] = [];
    for (const query of ["", "?sort=change"]) {
      started = performance.now();
      const res = await fetch(`${app.url}/api/v1/models/${MODEL}/versions/2/samples/${listenerId(0)}/review${query}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`review view failed: ${res.status} ${await res.text()}`);
      cold.push([query || "panel order", performance.now() - started]);
    }
    const runs = [];
    for (const [name, query] of [["next listener, panel order", ""], ["next listener, largest change first", "?sort=change"], ["next listener, new only + not reviewed by me", "?new=1&unreviewed=1"]] as const) {
      for (const connections of [1, CONNECTIONS]) {
        log(`measuring ${name} with ${connections} reviewer(s) for ${SECONDS} s…`);
        runs.push(await walkQueue(name, app.url, query, cookie, connections));
      }
    }

    const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
    const rate = (s: number, n = items) => Math.round(n / s).toLocaleString();
    console.log(`\nReview benchmark: ${LISTENERS.toLocaleString()} listeners × ${ITEMS} items for two versions, catalogue of ${CATALOG.toLocaleString()}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min)\n`);
    console.log(line(["ingest", "items", "seconds", "items/s"]));
    console.log(line(["---", "---:", "---:", "---:"]));
    console.log(line(["POST /api/v1/catalog/items", CATALOG.toLocaleString(), catalogSeconds.toFixed(2), rate(catalogSeconds, CATALOG)]));
    console.log(line(["POST …/versions/1/samples (with listener context)", items.toLocaleString(), v1Seconds.toFixed(2), rate(v1Seconds)]));
    console.log(line(["POST …/versions/2/samples", items.toLocaleString(), v2Seconds.toFixed(2), rate(v2Seconds)]));
    console.log(line(["ingestSamples in process (v3, no HTTP)", items.toLocaleString(), v3Seconds.toFixed(2), rate(v3Seconds)]));
    console.log(`\nFirst request of a queue (computes and memoizes the panel's RBOs): ${cold.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(", ")}\n`);
    console.log(line(["GET …/samples/{listener}/review", "reviewers", "p50 ms", "p95 ms", "p99 ms", "req/s", "requests", "failures"]));
    console.log(line(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
    for (const r of runs) console.log(line([r.name, r.connections, r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.rps.toFixed(1), r.requests, r.failures]));
    console.log("\nTargets: at least 50,000 items/s ingested; next listener under 200 ms p95.");
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
