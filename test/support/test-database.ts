import { randomBytes } from "node:crypto";
import pg from "pg";
import { siblingDatabaseUrl } from "../../lib/db/embedded";

const TEMPLATE_DB = "shelfwatch_test_template";

/** Creates a fresh, migrated database (a copy of the template) and returns its URL. */
export async function createTestDatabase(adminUrl: string, prefix = "sw_test"): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: siblingDatabaseUrl(adminUrl, "postgres") });
  await admin.connect();
  try {
    // Two copies of one template at the same instant can collide on its lock; try again briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return siblingDatabaseUrl(adminUrl, name);
}

/** Creates an empty database (no migrations), for the migration runner's own tests. */
export async function createEmptyDatabase(adminUrl: string): Promise<string> {
  const name = `sw_empty_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: siblingDatabaseUrl(adminUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return siblingDatabaseUrl(adminUrl, name);
}
