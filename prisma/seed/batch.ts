import type { Tx } from "../../lib/server/db";

/**
 * What every factory writes through: the client or a transaction. A client is assignable to a
 * transaction's type, so tests pass their client and the demo passes its one transaction.
 */
export type SeedDb = Tx;

// Postgres accepts at most 65,535 bind parameters per statement; rows × columns stays well below.
const DEFAULT_CHUNK = 1_000;

/** Splits rows into chunks for multi-row INSERTs. */
export function chunks<T>(rows: readonly T[], size = DEFAULT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Runs `insert` once per chunk, in order (a transaction holds one connection, so no parallelism). */
export async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = DEFAULT_CHUNK): Promise<void> {
  for (const chunk of chunks(rows, size)) await insert(chunk);
}

/** Rounds to a fixed number of decimals so stored scores look like reported ones and hash stably. */
export function round(value: number, decimals = 4): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
