import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { createEmptyDatabase } from "../support/test-database";

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "shelfwatch-migrations-"));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A migrations folder holding the real migrations plus extra ones. */
function folderWith(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(scratch, "m-"));
  for (const m of readMigrations()) {
    fs.mkdirSync(path.join(dir, m.name));
    fs.writeFileSync(path.join(dir, m.name, "migration.sql"), m.sql);
  }
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("the migration runner", () => {
  it("migrates an empty database and records each migration as prisma migrate deploy does", async () => {
    const url = await createEmptyDatabase(inject("databaseAdminUrl"));
    const result = await migrate(url);
    expect(result.applied).toEqual(readMigrations().map((m) => m.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null; id: string }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(result.applied);
    for (const [i, m] of readMigrations().entries()) {
      expect(rows[i].checksum).toBe(m.checksum);
      expect(rows[i].checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[i].finished_at).toBeInstanceOf(Date);
      expect(rows[i].rolled_back_at).toBeNull();
      expect(rows[i].applied_steps_count).toBe(1);
      expect(rows[i].id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("does nothing when run again", async () => {
    const url = await createEmptyDatabase(inject("databaseAdminUrl"));
    await migrate(url);
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBe(readMigrations().length);
    const [{ count }] = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(count)).toBe(readMigrations().length);
  });

  it("applies each migration once when several runners start together (advisory lock)", async () => {
    const url = await createEmptyDatabase(inject("databaseAdminUrl"));
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.reduce((n, r) => n + r.applied.length, 0)).toBe(readMigrations().length);
    const [{ count }] = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(count)).toBe(readMigrations().length);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const url = await createEmptyDatabase(inject("databaseAdminUrl"));
    const dir = folderWith({
      "29990101000000_broken": `CREATE TABLE "HalfWritten" (id INTEGER);\nINSERT INTO "HalfWritten" VALUES (1);\nSELECT * FROM "NoSuchTable";\n`,
    });
    await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_broken failed/);
    const tables = await query<{ exists: boolean }>(url, `SELECT to_regclass('public."HalfWritten"') IS NOT NULL AS exists`);
    expect(tables[0].exists).toBe(false);
    const names = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.map((n) => n.migration_name)).not.toContain("29990101000000_broken");
    // The migrations before it are in place, and a fixed folder then applies cleanly.
    expect(names.length).toBe(readMigrations().length);
    expect((await migrate(url)).applied).toEqual([]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const url = await createEmptyDatabase(inject("databaseAdminUrl"));
    await migrate(url);
    const dir = folderWith({});
    const first = readMigrations()[0].name;
    fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, { dir })).rejects.toThrow(/modified after it was applied/);
  });
});
