import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { env } from "../env";

/**
 * The Prisma client, one per process. strictUndefinedChecks is on in the schema, so an `undefined`
 * reaching a `where` throws instead of silently dropping the filter.
 */
/** A new client for a given database (seeds, tests and the CLI pass their own URL). */
export function createClient(url: string, poolSize = 10) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { shelfwatchDb?: Db };

/** The shared client; DATABASE_URL is set by the starter (embedded or not) before the app runs. */
export function db(): Db {
  if (!globalForDb.shelfwatchDb) {
    const url = env().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it explicitly.");
    globalForDb.shelfwatchDb = createClient(url);
  }
  return globalForDb.shelfwatchDb;
}

/** Closes the shared client (CLI commands and tests). */
export async function disconnectDb() {
  await globalForDb.shelfwatchDb?.$disconnect();
  globalForDb.shelfwatchDb = undefined;
}

/** Makes `db()` return this client (the CLI and tests, which choose their database at run time). */
export function setDb(client: Db) {
  globalForDb.shelfwatchDb = client;
}
