import pg from "pg";
import { startEmbedded } from "../../lib/db/embedded";

/** A client on the running app's embedded database (joined through its data folder, not started). */
export async function appDatabase(dataDir: string): Promise<pg.Client> {
  const handle = await startEmbedded(dataDir);
  if (handle.owned) {
    await handle.stop();
    throw new Error("the app's database is not running");
  }
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  return client;
}
