import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

/** The production web tier: Next's request handler in one worker per core (see web-server.mjs). */
export const WEB_SERVER = path.join(ROOT, "lib", "cli", "web-server.mjs");

/** Path of Next's own CLI script. */
export function nextBin(): string {
  return createRequire(path.join(ROOT, "package.json")).resolve("next/dist/bin/next");
}

function newestMtime(rel: string): number {
  const full = path.join(ROOT, rel);
  if (!fs.existsSync(full) || rel === path.join("lib", "generated")) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(full).reduce((max, name) => Math.max(max, newestMtime(path.join(rel, name))), stat.mtimeMs);
}

/** True when there is no production build, or a source file is newer than it. */
export function needsBuild(distDir = ".next"): boolean {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** Runs `next <args>` in the project and resolves when it exits 0. */
export function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), ...args], { cwd: ROOT, stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} failed (exit ${code}).`))));
  });
}
