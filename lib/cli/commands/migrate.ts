import { connectDatabase } from "../../db/connection";
import { migrate } from "../../db/migrate";
import { env } from "../../env";

/** `shelfwatch migrate`: applies pending migrations and says which. */
export async function migrateCommand(): Promise<number> {
  const target = await connectDatabase(env(), (m) => console.error(m));
  try {
    const result = await migrate(target.url, { log: (m) => console.log(m) });
    console.log(result.applied.length ? `Applied ${result.applied.length} migration(s).` : `Database is up to date (${result.alreadyApplied.length} migration(s)).`);
    return 0;
  } finally {
    if (target.owned) await target.stop();
  }
}
