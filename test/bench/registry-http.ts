import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { needsBuild, ROOT, runNext, WEB_SERVER } from "../../lib/cli/next-build";

// Starting the built app on a scratch database, and loading it with autocannon.

type Tracker = PromiseLike<{ requests: { average: number }; non2xx: number; errors: number; timeouts: number; duration: number }> & {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Record<string, unknown>) => Tracker;

export type AppHandle = { url: string; stop: () => Promise<void>; workerPids: () => number[] };

/** Builds the app into `distDir` when its sources changed, then runs the production web tier against `databaseUrl`. */
export async function startApp(options: { databaseUrl: string; port: number; distDir: string; log: (m: string) => void; workers?: number }): Promise<AppHandle> {
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    SHELFWATCH_AUTH_SECRET: "benchmark-secret-benchmark-secret-0123456789",
    SHELFWATCH_DIST_DIR: options.distDir,
    PORT: String(options.port),
    ...(options.workers ? { SHELFWATCH_WEB_WORKERS: String(options.workers) } : {}),
  };
  if (needsBuild(options.distDir)) {
    options.log(`building the app into ${options.distDir}…`);
    await runNext(["build"], env);
  }
  const child = spawn(process.execPath, [WEB_SERVER, "--port", String(options.port), "--host", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  await waitForReady(child);
  const url = `http://127.0.0.1:${options.port}`;
  return {
    url,
    // The web tier's workers are the children of the process started here (Linux's /proc says which).
    workerPids: () => fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the web server did not become ready:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the web server exited (${code}):\n${output}`)));
  });
}

export type LoadResult = { name: string; p50: number; p95: number; rps: number; requests: number; failures: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `connections` clients request `url` for `seconds`; latency percentiles come from every response. */
export async function load(name: string, url: string, headers: Record<string, string>, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const tracker = autocannon({ url, headers, connections: options.connections, duration: options.seconds, timeout: 30 });
  tracker.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await tracker;
  latencies.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / result.duration,
    requests: latencies.length,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
