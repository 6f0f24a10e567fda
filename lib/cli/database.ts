import { connectDatabase, type DatabaseTarget } from "../db/connection";
import { migrate } from "../db/migrate";
import { env } from "../env";
import { createClient, setDb, type Db } from "../server/db";

/**
 * Runs a CLI command against the app's database: DATABASE_URL, or the embedded server of the data
 * folder (joined if the app is running, started and stopped around the command otherwise).
 */
export async function withDatabase<T>(fn: (db: Db, target: DatabaseTarget) => Promise<T>): Promise<T> {
  const target = await connectDatabase(env(), (m) => console.error(m));
  const db = createClient(target.url, 4);
  setDb(db);
  try {
    await migrate(target.url);
    return await fn(db, target);
  } finally {
    await db.$disconnect();
    if (target.owned) await target.stop();
  }
}
