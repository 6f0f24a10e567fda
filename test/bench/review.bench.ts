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

async function post(url: string, token: string, body: string): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
  if (!res.ok) throw new Error(`POST ${url} failed: ${res.status} ${(await res.text()).slice(0, 500)}`);
}

/**
 * CPU seconds used so far by every process this benchmark started (the app and PostgreSQL, with the
 * backends they have reaped), from /proc. On a busy machine wall time measures the neighbours too;
 * CPU time is what the work itself costs, so items per CPU second estimates an otherwise idle machine.
 */
function childrenCpuSeconds(): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const parentOf = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      // The process ended while the list was read.
    }
  }
  let ticks = 0;
  const inTree = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  for (const [pid, t] of cpu) if (pid !== process.pid && inTree(pid)) ticks += t;
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** Wall seconds and CPU seconds of some work; `includeSelf` when the work runs in this process too. */
async function measured<T>(work: () => Promise<T>, includeSelf = false): Promise<{ value: T; seconds: number; cpu: number | null }> {
  const cpu0 = childrenCpuSeconds();
  const self0 = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = childrenCpuSeconds();
  const self = process.cpuUsage(self0);
  const own = includeSelf ? (self.user + self.system) / 1e6 : 0;
  return { value, seconds, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 + own };
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
    await ingestSamples({ ctx, input: { model: MODEL, version: 3, body: { samples: [{ listener: "bench-warm-up", items: [{ uri: first[0]!.uri, rank: 1, score: 1 }] }] } } });
    const items = LISTENERS * ITEMS;
    const mb = (s: string) => (Buffer.byteLength(s) / 1e6).toFixed(1);
    const ingests: { name: string; n: number; seconds: number; cpu: number | null }[] = [];
    const ingest = async (name: string, n: number, work: () => Promise<unknown>, includeSelf = false) => {
      log(`${name}…`);
      const m = await measured(work, includeSelf);
      ingests.push({ name, n, seconds: m.seconds, cpu: m.cpu });
    };
    await ingest(`POST /api/v1/catalog/items (${mb(bodies.catalog)} MB)`, CATALOG, () => post(`${app.url}/api/v1/catalog/items`, token, bodies.catalog));
    await ingest(`POST …/versions/1/samples, with listener context (${mb(bodies.production)} MB)`, items, () => post(`${app.url}/api/v1/models/${MODEL}/versions/1/samples`, token, bodies.production));
    await ingest(`POST …/versions/2/samples (${mb(bodies.candidate)} MB)`, items, () => post(`${app.url}/api/v1/models/${MODEL}/versions/2/samples`, token, bodies.candidate));
    const parsed = JSON.parse(bodies.candidate) as unknown;
    await ingest("ingestSamples in process, v3 (no HTTP, no JSON parsing)", items, () => ingestSamples({ ctx, input: { model: MODEL, version: 3, body: parsed } }), true);

    const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: app.url }, body: JSON.stringify({ email: "reviewer@bench.example", password: "benchmark-password" }) });
    const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

    // The first request of a queue computes the panel's comparison (5,000 RBOs) and memoizes it.
    const cold: string[] = [];
    for (const query of ["", "?sort=change"]) {
      const started = performance.now();
      const res = await fetch(`${app.url}/api/v1/models/${MODEL}/versions/2/samples/${listenerId(0)}/review${query}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`review view failed: ${res.status} ${await res.text()}`);
      cold.push(`${query || "panel order"} ${(performance.now() - started).toFixed(0)} ms`);
    }
    const runs = [];
    for (const [name, query] of [["panel order", ""], ["largest change first", "?sort=change"], ["new only, not reviewed by me", "?new=1&unreviewed=1"]] as const) {
      for (const connections of [1, CONNECTIONS]) {
        log(`next listener, ${name}, ${connections} reviewer(s), ${SECONDS} s…`);
        const m = await measured(() => walkQueue(name, app.url, query, cookie, connections));
        runs.push({ ...m.value, cpuMs: m.cpu === null ? null : (m.cpu * 1000) / Math.max(1, m.value.requests) });
      }
    }

    const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
    const fmt = (v: number) => Math.round(v).toLocaleString("en-US");
    console.log(`\nReview benchmark: ${LISTENERS.toLocaleString()} listeners × ${ITEMS} items for two versions, catalogue of ${CATALOG.toLocaleString()}, ${os.cpus().length} cores, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min)`);
    console.log("CPU columns: CPU time of the app and PostgreSQL (and of this process for the in-process row) for the work, from /proc; the work divided by it is what an otherwise idle machine would do.\n");
    console.log(line(["ingest", "items", "wall s", "items/s (wall)", "CPU s", "items per CPU s"]));
    console.log(line(["---", "---:", "---:", "---:", "---:", "---:"]));
    for (const r of ingests) console.log(line([r.name, fmt(r.n), r.seconds.toFixed(2), fmt(r.n / r.seconds), r.cpu === null ? "—" : r.cpu.toFixed(2), r.cpu ? fmt(r.n / r.cpu) : "—"]));
    console.log(`\nFirst request of a queue (computes and memoizes the panel's RBOs): ${cold.join(", ")}\n`);
    console.log(line(["GET …/samples/{listener}/review, next listener", "reviewers", "p50 ms", "p95 ms", "p99 ms", "req/s", "requests", "failures", "CPU ms per request"]));
    console.log(line(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
    for (const r of runs) console.log(line([r.name, r.connections, r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.rps.toFixed(1), r.requests, r.failures, r.cpuMs === null ? "—" : r.cpuMs.toFixed(1)]));
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
