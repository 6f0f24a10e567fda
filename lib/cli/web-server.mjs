// The web tier in production: Next.js's request handler in one worker process per core, behind one port.
// A Node process renders on one core; this is how the pages use them all. The primary accepts the
// connections and hands each to the worker holding the fewest open ones (least-connections.mjs); it also
// keeps the workers alive and stops them on a signal.
//
//   node lib/cli/web-server.mjs --port 3000 --host 127.0.0.1 [--workers N]
//
// Workers default to the number of cores (SHELFWATCH_WEB_WORKERS overrides). The build must exist
// (`shelfwatch start` makes it); SHELFWATCH_DIST_DIR chooses it, as for `next build`.
import cluster from "node:cluster";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { leastConnections } from "./least-connections.mjs";
import { renderTurns } from "./render-turns.mjs";

// One render at a time per worker: a page costs its core a few milliseconds of database wait against
// tens of rendering, and two interleaved renders each finish later (and make more garbage) than two in
// turn. A render waiting longer gives its turn up (render-turns.mjs).
const DEFAULT_RENDER_TURNS = 1;
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
  const started = new Set();
  const ready = leastConnections();
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();

  // The primary accepts each connection without reading from it and passes it to a worker, which reads
  // and answers. The port opens once a worker is ready.
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    const id = ready.take();
    const worker = id === undefined ? undefined : cluster.workers?.[id];
    if (!worker?.isConnected()) return socket.destroy();
    worker.send({ shelfwatch: "connection" }, socket, (error) => {
      if (!error) return;
      ready.release(worker.id);
      socket.destroy();
    });
  });
  server.on("error", (error) => {
    console.error(`web server: ${error.message}`);
    stop(1);
  });

  cluster.on("message", (worker, message) => {
    if (message?.shelfwatch === "closed") ready.release(worker.id);
    if (message?.shelfwatch !== "ready" || stopping) return;
    started.add(worker.id);
    ready.add(worker.id);
    if (ready.size === 1 && !server.listening) server.listen(port, host);
    announce();
  });
  let announced = false;
  const announce = () => {
    if (announced || !server.listening || ready.size < count) return;
    announced = true;
    console.log(`✓ Ready on http://${host}:${port} (${count} worker${count === 1 ? "" : "s"})`);
  };
  server.on("listening", announce);
  cluster.on("exit", (worker, code, signal) => {
    ready.remove(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that never got ready will not do better the next time (build missing): stop.
    if (!started.has(worker.id)) {
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
    server.close();
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
  let stopping = false;
  // Requests in hand per connection: stopping closes the idle connections at once, the others after
  // their response (the http server tracks connections only for a port it listens on itself).
  const inFlight = new Map();
  const render = turns > 0 ? renderTurns((req, res) => handle(req, res), { limit: turns }) : (req, res) => handle(req, res);
  const server = http.createServer((req, res) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once("close", () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (left > 0) return inFlight.set(socket, left);
      inFlight.delete(socket);
      if (stopping) socket.end();
    });
    if (stopping) res.setHeader("connection", "close");
    render(req, res);
  });
  const sockets = new Set();
  const tell = (message) => process.connected && process.send?.(message);
  process.on("message", (message, socket) => {
    // A connection the primary accepted, now this worker's (it reports it closed, for the count).
    if (message?.shelfwatch === "connection" && socket) {
      sockets.add(socket);
      // As the http server does for connections it accepts itself: a response's last bytes leave at
      // once rather than waiting for the client's acknowledgement of the first (Nagle's algorithm).
      socket.setNoDelay(true);
      socket.once("close", () => {
        sockets.delete(socket);
        tell({ shelfwatch: "closed" });
        if (stopping && sockets.size === 0) process.exit(0);
      });
      server.emit("connection", socket);
      socket.resume();
    }
    // Its request counters, for the primary gathering them (null before it counted anything).
    if (message?.shelfwatch === "snapshot") tell({ shelfwatch: "snapshot", id: message.id, snapshot: globalThis.shelfwatchRequestMetricsSnapshot?.() ?? null });
  });
  tell({ shelfwatch: "ready" });
  // The primary decides when to stop; a worker finishes the requests it holds, then exits.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {
    stopping = true;
    for (const socket of sockets) if (!inFlight.has(socket)) socket.end();
    if (sockets.size === 0) process.exit(0);
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
