import type { Env } from "../env";
import { startEmbedded, type EmbeddedHandle } from "./embedded";

export type DatabaseTarget = EmbeddedHandle & { embedded: boolean };

/** DATABASE_URL when set; otherwise the embedded server of the data folder (started or joined). */
export async function connectDatabase(env: Env, log?: (m: string) => void): Promise<DatabaseTarget> {
  if (env.databaseUrl) return { url: env.databaseUrl, owned: false, embedded: false, stop: async () => {} };
  const handle = await startEmbedded(env.dataDir, { log });
  return { ...handle, embedded: true };
}

/** True when a URL points at this machine: seeding and resets refuse anything else unless forced. */
export function isLocalDatabase(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "::1" || host === "[::1]";
}
