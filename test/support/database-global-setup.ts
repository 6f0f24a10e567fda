import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { siblingDatabaseUrl, startEmbedded } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export const TEMPLATE_DB = "shelfwatch_test_template";

/**
 * Starts one real PostgreSQL for the integration run (embedded, or the server of DATABASE_URL) and
 * migrates a template database; each test file then gets its own copy of it (database-per-file.ts).
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let adminUrl = process.env.DATABASE_URL;
  let dataDir: string | null = null;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shelfwatch-test-"));
    const handle = await startEmbedded(dataDir);
    adminUrl = handle.url;
    stop = handle.stop;
  }
  const admin = new pg.Client({ connectionString: siblingDatabaseUrl(adminUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await migrate(siblingDatabaseUrl(adminUrl, TEMPLATE_DB));
  await admin.end();
  project.provide("databaseAdminUrl", adminUrl);
  return async () => {
    await stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
  }
}
