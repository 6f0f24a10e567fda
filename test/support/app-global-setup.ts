import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../lib/db/embedded";

/**
 * Starts the app exactly as a user does (`shelfwatch start`: embedded PostgreSQL, migrations, demo seed,
 * build if needed, the production web tier) in a scratch data folder, and hands its URL to the browser tests.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shelfwatch-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, SHELFWATCH_DATA_DIR: dataDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL; // the demo runs on its own embedded database, never on a shared one
  const child = spawn(process.execPath, ["lib/cli/bin.mjs", "start"], { cwd: path.resolve(import.meta.dirname, "../.."), env, stdio: ["ignore", "pipe", "pipe"] });
  const url = await waitForReady(child, 600_000);
  project.provide("appUrl", url);
  project.provide("appDataDir", dataDir);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the app did not start in time:\n${output.slice(-4000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Shelfwatch is running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    appDataDir: string;
  }
}
