import "server-only";
import { db } from "../db";

export type HealthDto = { status: "ok" | "degraded"; checks: { database: { ok: boolean; latencyMs: number | null; error?: string } }; time: string };

/** Whether the app can reach its database (public: reveals no data). */
export async function checkHealth({ now }: { now: Date }): Promise<HealthDto> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { status: "ok", checks: { database: { ok: true, latencyMs: Math.round(performance.now() - started) } }, time: now.toISOString() };
  } catch {
    return { status: "degraded", checks: { database: { ok: false, latencyMs: null, error: "database unreachable" } }, time: now.toISOString() };
  }
}
