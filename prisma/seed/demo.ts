import type { Db } from "../../lib/server/db";

/** Seeds the whole demo (placeholder until the factories land). */
export async function seedDemo(_db: Db, _options: { now?: Date; log?: (m: string) => void } = {}): Promise<{ created: boolean }> {
  return { created: false };
}
