import "server-only";
import { BOSS_SCHEMA } from "../../jobs/queues";
import { db } from "../db";

export type QueueStats = {
  /** pg-boss has created its schema (the job runner has started at least once). */
  installed: boolean;
  /** When the scheduler last ticked (pg-boss updates this about every 30 s while a runner is alive). */
  lastTickAt: string | null;
  /** Jobs by queue and state (created, retry, active, failed); completed jobs are not counted. */
  jobs: { queue: string; state: string; count: number }[];
  /** Jobs that could run now but have not started, and how long the oldest has waited. */
  waiting: number;
  oldestWaitingSeconds: number | null;
};

/** Reads the job queue's own tables (schema `pgboss`): the runner's heartbeat and the backlog. */
export async function readQueueStats(): Promise<QueueStats> {
  const [{ installed }] = await db().$queryRawUnsafe<{ installed: boolean }[]>(`SELECT to_regclass('${BOSS_SCHEMA}.job') IS NOT NULL AS installed`);
  if (!installed) return { installed: false, lastTickAt: null, jobs: [], waiting: 0, oldestWaitingSeconds: null };
  const [tick] = await db().$queryRawUnsafe<{ at: Date | null }[]>(`SELECT cron_on AS at FROM ${BOSS_SCHEMA}.version LIMIT 1`);
  const jobs = await db().$queryRawUnsafe<{ queue: string; state: string; count: number }[]>(
    `SELECT name AS queue, state::text AS state, count(*)::int AS count FROM ${BOSS_SCHEMA}.job
     WHERE state IN ('created', 'retry', 'active', 'failed') AND name NOT LIKE '\\_\\_pgboss%'
     GROUP BY name, state ORDER BY name, state`,
  );
  const [waiting] = await db().$queryRawUnsafe<{ n: number; oldest: number | null }[]>(
    `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM now() - min(start_after))::float8 AS oldest FROM ${BOSS_SCHEMA}.job
     WHERE state IN ('created', 'retry') AND start_after <= now()`,
  );
  return {
    installed: true,
    lastTickAt: tick?.at ? new Date(tick.at).toISOString() : null,
    jobs,
    waiting: waiting?.n ?? 0,
    oldestWaitingSeconds: waiting?.oldest === null || waiting?.oldest === undefined ? null : Math.round(waiting.oldest),
  };
}
