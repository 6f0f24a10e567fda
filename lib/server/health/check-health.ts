import "server-only";
import { db } from "../db";
import { readQueueStats } from "./read-queue-stats";

/** The scheduler ticks about every 30 s; silence for this long means no job runner is alive. */
const STALE_TICK_SECONDS = 150;

export type HealthDto = {
  /** ok: everything works; degraded: pages and API work but background jobs do not run; down: no database. */
  status: "ok" | "degraded" | "down";
  checks: {
    database: { ok: boolean; latencyMs: number | null; error?: string };
    jobQueue: { ok: boolean; lastTickAt: string | null; waiting: number; oldestWaitingSeconds: number | null; failed: number; error?: string };
  };
  time: string;
};

/** Whether the app can reach its database and whether its job runner is alive (public: reveals no data). */
export async function checkHealth({ now }: { now: Date }): Promise<HealthDto> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return {
      status: "down",
      checks: {
        database: { ok: false, latencyMs: null, error: "database unreachable" },
        jobQueue: { ok: false, lastTickAt: null, waiting: 0, oldestWaitingSeconds: null, failed: 0, error: "database unreachable" },
      },
      time: now.toISOString(),
    };
  }
  const database = { ok: true, latencyMs: Math.round(performance.now() - started) };
  const jobQueue = await jobQueueHealth(now);
  return { status: jobQueue.ok ? "ok" : "degraded", checks: { database, jobQueue }, time: now.toISOString() };
}

async function jobQueueHealth(now: Date): Promise<HealthDto["checks"]["jobQueue"]> {
  try {
    const q = await readQueueStats();
    const failed = q.jobs.filter((j) => j.state === "failed").reduce((s, j) => s + j.count, 0);
    const base = { lastTickAt: q.lastTickAt, waiting: q.waiting, oldestWaitingSeconds: q.oldestWaitingSeconds, failed };
    if (!q.installed) return { ok: false, ...base, error: "the job runner has never started" };
    const age = q.lastTickAt ? (now.getTime() - new Date(q.lastTickAt).getTime()) / 1000 : Infinity;
    if (age > STALE_TICK_SECONDS) return { ok: false, ...base, error: `no job runner has ticked for ${Number.isFinite(age) ? `${Math.round(age)} s` : "ever"}` };
    return { ok: true, ...base };
  } catch (error) {
    return { ok: false, lastTickAt: null, waiting: 0, oldestWaitingSeconds: null, failed: 0, error: `job queue unreadable: ${(error as Error).message.slice(0, 120)}` };
  }
}
