import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedDemo } from "../../../prisma/seed/demo";
import { connectDatabase } from "../../db/connection";
import { migrate } from "../../db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../demo-accounts";
import { env } from "../../env";
import { createClient } from "../../server/db";
import { startJobs } from "../../jobs/start-jobs";
import { CliError } from "../cli-error";
import { needsBuild, nextBin, ROOT, runNext, WEB_SERVER } from "../next-build";

/** `shelfwatch start`: database, migrations, demo seed on first start, build if needed, then the web tier. */
export async function startCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dev: { type: "boolean" } } });
  const e = env();
  const log = (m: string) => console.log(`[shelfwatch] ${m}`);

  const target = await connectDatabase(e, log);
  log(target.embedded ? `embedded PostgreSQL in ${e.dataDir}` : "using DATABASE_URL");
  await migrate(target.url, { log });
  const demo = target.embedded;
  if (demo) {
    const client = createClient(target.url, 4);
    try {
      const started = Date.now();
      const result = await seedDemo(client, { log });
      if (result.created) log(`demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await client.$disconnect();
    }
  }

  const secret = e.authSecret ?? (demo ? localSecret(e.dataDir) : null);
  if (!secret) throw new CliError("Set SHELFWATCH_AUTH_SECRET (32 characters or more) to sign sessions when DATABASE_URL is set.");
  const host = e.host ?? (demo ? "127.0.0.1" : "0.0.0.0");

  if (!values.dev && needsBuild(e.distDir)) {
    log("building the app (first start or sources changed)…");
    await runNext(["build"], { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  }

  // Background work (daily validation, alerts, webhook delivery) runs in this process, beside the server.
  const jobs = await startJobs({ databaseUrl: target.url, log });

  // Production: Next's handler in one worker per core (web-server.mjs); development: `next dev`.
  const server = values.dev ? [nextBin(), "dev", "-p", String(e.port), "-H", host] : [WEB_SERVER, "--port", String(e.port), "--host", host];
  const child = spawn(process.execPath, server, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: target.url, SHELFWATCH_AUTH_SECRET: secret, SHELFWATCH_DEMO: demo ? "1" : "0" },
  });
  let announced = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started/i.test(chunk.toString())) {
      announced = true;
      announce(`http://${host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host}:${e.port}`, demo);
    }
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stop(signal));
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
  await jobs.stop().catch((error: Error) => log(`stopping background jobs: ${error.message}`));
  if (target.owned) {
    log("stopping embedded PostgreSQL");
    await target.stop();
  }
  return stopping ? 0 : code;
}

function announce(url: string, demo: boolean) {
  console.log(`\n  Shelfwatch is running at ${url}\n`);
  if (!demo) return;
  console.log(`  Demo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.role.padEnd(9)} ${a.email}${a.leadShelves.length ? `  (leads ${a.leadShelves.join(", ")})` : ""}`);
  console.log("");
}

/** A session-signing secret for the local demo, made once and kept in the data folder. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
