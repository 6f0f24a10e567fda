import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../lib/db/embedded";
import { needsBuild, ROOT, runNext, WEB_SERVER } from "../../lib/cli/next-build";

/** Its own build folder, so that it never collides with the browser tests' build of the same sources. */
export const TEST_DIST_DIR = process.env.SHELFWATCH_TEST_DIST_DIR ?? ".next-integration";

/**
 * A build that is up to date with the sources: the app's own (serving it beside another server is
 * fine; only building twice into one folder is not), else this test's folder, built now if needed.
 */
async function freshBuild(env: NodeJS.ProcessEnv): Promise<string> {
  const shared = process.env.SHELFWATCH_DIST_DIR ?? ".next";
  if (!needsBuild(shared)) return shared;
  if (needsBuild(TEST_DIST_DIR)) await runNext(["build"], { ...env, SHELFWATCH_DIST_DIR: TEST_DIST_DIR });
  return TEST_DIST_DIR;
}

export type AppServer = { url: string; stop(): Promise<void>; output(): string };

/**
 * Serves the production build of the app through the production web tier (built first when the sources
 * changed) on a free local port, against the given database: the HTTP API exactly as pipelines reach it.
 * One worker unless asked for more.
 */
export async function startAppServer(databaseUrl: string, options: { workers?: number } = {}): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    SHELFWATCH_AUTH_SECRET: process.env.SHELFWATCH_AUTH_SECRET ?? "integration-tests-secret-of-at-least-32-chars",
  };
  env.SHELFWATCH_DIST_DIR = await freshBuild(env);
  const port = await freePort();
  let output = "";
  const args = [WEB_SERVER, "--port", String(port), "--host", "127.0.0.1", "--workers", String(options.workers ?? 1)];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the web server exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.status === 200) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`the web server did not answer in time:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
