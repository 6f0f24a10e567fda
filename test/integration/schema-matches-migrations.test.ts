import fs from "node:fs";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Migrations are SQL written by hand; this proves the migrated database is exactly what schema.prisma
// describes: tables, columns, types, nullability, defaults, keys, unique constraints, indexes, foreign keys.

type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
let dmmf: Dmmf;
let client: pg.Client;

const SCALAR_UDT: Record<string, string> = { String: "text", Int: "int4", Float: "float8", Boolean: "bool", DateTime: "timestamp", Json: "jsonb", BigInt: "int8" };
const ON_DELETE: Record<string, string> = { Cascade: "c", Restrict: "r", SetNull: "n", NoAction: "a", SetDefault: "d" };

beforeAll(async () => {
  dmmf = await internals.getDMMF({ datamodel: fs.readFileSync("prisma/schema.prisma", "utf8") });
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

async function columns() {
  const { rows } = await client.query(`
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
    FROM information_schema.columns WHERE table_schema = 'public'`);
  return rows as { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null; datetime_precision: number | null }[];
}

async function indexes() {
  const { rows } = await client.query(`
    SELECT t.relname AS tbl, i.relname AS name, ix.indisunique AS uniq, ix.indisprimary AS pk,
           array_agg(a.attname::text ORDER BY k.ord) AS cols
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`);
  return rows as { tbl: string; name: string; uniq: boolean; pk: boolean; cols: string[] }[];
}

async function foreignKeys() {
  const { rows } = await client.query(`
    SELECT src.relname AS tbl, dst.relname AS ref, c.confdeltype AS on_delete, c.confupdtype AS on_update,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols
    FROM pg_constraint c JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
    WHERE c.contype = 'f'`);
  return rows as { tbl: string; ref: string; on_delete: string; on_update: string; cols: string[] }[];
}

function expectedDefault(field: Dmmf["datamodel"]["models"][number]["fields"][number]): string | null {
  if (!field.hasDefaultValue) return null;
  const d = field.default as unknown;
  if (field.isList) return "ARRAY[]";
  if (d && typeof d === "object" && "name" in d) {
    const name = (d as { name: string }).name;
    if (name === "autoincrement") return "nextval(";
    if (name === "now") return "CURRENT_TIMESTAMP";
    throw new Error(`unhandled default function ${name}`);
  }
  // DMMF gives a BigInt's default as a string of digits; Postgres shows it as a number.
  if (typeof d === "string") return field.type === "BigInt" ? d : `'${d}'`;
  return String(d);
}

describe("the migrated database matches schema.prisma", () => {
  it("has exactly the models' tables and columns, with their types, nullability and defaults", async () => {
    const cols = await columns();
    const enums = new Set(dmmf.datamodel.enums.map((e) => e.name));
    const tables = new Set(cols.map((c) => c.table_name).filter((t) => t !== "_prisma_migrations"));
    expect([...tables].sort()).toEqual(dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort());

    for (const model of dmmf.datamodel.models) {
      const actual = cols.filter((c) => c.table_name === model.name);
      const scalars = model.fields.filter((f) => f.kind !== "object");
      expect(actual.map((c) => c.column_name).sort(), `${model.name} columns`).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
      for (const f of scalars) {
        const col = actual.find((c) => c.column_name === f.name)!;
        const where = `${model.name}.${f.name}`;
        const base = enums.has(f.type) ? f.type : f.nativeType?.[0] === "Date" ? "date" : SCALAR_UDT[f.type];
        expect(col.udt_name, `${where} type`).toBe(f.isList ? `_${base}` : base);
        if (f.type === "DateTime" && f.nativeType?.[0] !== "Date") expect(col.datetime_precision, `${where} precision`).toBe(3);
        expect(col.is_nullable, `${where} nullability`).toBe(f.isRequired && !f.isList ? "NO" : "YES");
        const def = expectedDefault(f);
        if (def === null) expect(col.column_default, `${where} default`).toBeNull();
        else expect(col.column_default ?? "", `${where} default`).toContain(def);
      }
    }
  });

  it("has the primary keys, unique constraints and indexes the schema declares, and no others", async () => {
    const actual = await indexes();
    const expected = dmmf.datamodel.indexes.map((i) => ({
      tbl: i.model,
      kind: i.type === "id" ? "pk" : i.type === "unique" ? "unique" : "index",
      cols: i.fields.map((f) => f.name),
    }));
    const describe = (x: { tbl: string; kind: string; cols: string[] }) => `${x.tbl}(${x.cols.join(",")}) ${x.kind}`;
    const got = actual.map((i) => ({ tbl: i.tbl, kind: i.pk ? "pk" : i.uniq ? "unique" : "index", cols: i.cols }));
    expect(got.map(describe).sort()).toEqual(expected.map(describe).sort());
  });

  it("has the relations' foreign keys with their referential actions", async () => {
    const actual = await foreignKeys();
    const expected = dmmf.datamodel.models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
        .map((f) => `${m.name}(${f.relationFromFields!.join(",")}) -> ${f.type} on delete ${ON_DELETE[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")]}`),
    );
    const got = actual.map((f) => `${f.tbl}(${f.cols.join(",")}) -> ${f.ref} on delete ${f.on_delete}`);
    expect(got.sort()).toEqual(expected.sort());
    expect(actual.every((f) => f.on_update === "c")).toBe(true);
  });

  it("has the enums with their values in order", async () => {
    const { rows } = await client.query(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS vals
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    const got = Object.fromEntries(rows.map((r: { name: string; vals: string[] }) => [r.name, r.vals]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(got).toEqual(expected);
  });
});
