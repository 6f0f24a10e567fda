// The web tier in production: Next.js's request handler in one worker process per core, sharing one port
// (node:cluster hands connections to the workers in turn). A Node process renders on one core; this is how
// the pages use them all. The primary only keeps the workers alive and stops them on a signal.
//
//   node lib/cli/web-server.mjs --port 3000 --host 127.0.0.1 [--workers N]
//
// Workers default to the number of cores (SHELFWATCH_WEB_WORKERS overrides). The build must exist
// (`shelfwatch start` makes it); SHELFWATCH_DIST_DIR chooses it, as for `next build`.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { renderTurns } from "./render-turns.mjs";

// Two renders at a time per worker: one computing while the other waits on the database.
const DEFAULT_RENDER_TURNS = 2;
const ROOT = path.resolve(import.meta.dirname, "../..");
const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, host: { type: "string", default: "0.0.0.0" }, workers: { type: "string" } } });
const port = Number(values.port);
const host = values.host;
// The app reads its own port from the environment (trusted origins, links): the same one it listens on.
process.env.PORT = String(port);

if (cluster.isPrimary) runPrimary();
else await runWorker();

function runPrimary() {
  const wanted = Number(values.workers ?? process.env.SHELFWATCH_WEB_WORKERS ?? os.availableParallelism());
  const count = Number.isInteger(wanted) && wanted > 0 ? wanted : 1;
  const listening = new Set();
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();

  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    if (listening.size === count) console.log(`✓ Ready on http://${host}:${port} (${count} worker${count === 1 ? "" : "s"})`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that never listened will not do better the next time (port taken, build missing): stop.
    if (!listening.has(worker.id)) {
      console.error(`web worker ${worker.process.pid} failed to start (${signal ?? `exit ${code}`})`);
      stop(1);
      return;
    }
    console.error(`web worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
    cluster.fork();
  });

  // GET /metrics must count the whole tier: the worker serving it asks here, every worker answers with
  // its own counters, and the asker merges them (lib/metrics/request-metrics.ts).
  cluster.on("message", (asker, message) => {
    if (message?.shelfwatch !== "gather-metrics") return;
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean);
    const snapshots = [];
    const listeners = new Map();
    let done = false;
    const reply = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const [worker, listener] of listeners) worker.off("message", listener);
      if (asker.isConnected()) asker.send({ shelfwatch: "metrics", id: message.id, snapshots });
    };
    // A worker busy for longer than this is left out of this scrape rather than holding it up.
    const timer = setTimeout(reply, 500);
    for (const worker of workers) {
      const listener = (answer) => {
        if (answer?.shelfwatch !== "snapshot" || answer.id !== message.id) return;
        snapshots.push(answer.snapshot);
        if (snapshots.length === workers.length) reply();
      };
      listeners.set(worker, listener);
      worker.on("message", listener);
      worker.send({ shelfwatch: "snapshot", id: message.id });
    }
  });

  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(code), 10_000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0));
}

async function runWorker() {
  const app = next({ dev: false, dir: ROOT, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Renders at a time per worker (SHELFWATCH_RENDER_CONCURRENCY; 0 lets every request in at once).
  const turns = Number(process.env.SHELFWATCH_RENDER_CONCURRENCY ?? DEFAULT_RENDER_TURNS);
  const server = http.createServer(turns > 0 ? renderTurns((req, res) => handle(req, res), { limit: turns }) : (req, res) => handle(req, res));
  server.listen(port, host);
  // Its request counters, for the primary gathering them (null before it counted anything).
  process.on("message", (message) => {
    if (message?.shelfwatch !== "snapshot") return;
    process.send?.({ shelfwatch: "snapshot", id: message.id, snapshot: globalThis.shelfwatchRequestMetricsSnapshot?.() ?? null });
  });
  // The primary decides when to stop; a worker finishes the requests it holds, then exits.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
