import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { systemCtx } from "../server/context";
import { createClient, db, disconnectDb, setDb } from "../server/db";
import { deliverWebhook } from "../server/webhooks/deliver-webhook";
import { OUTBOX_CHANNEL } from "../server/webhooks/enqueue-event";
import { listDueDeliveries } from "../server/webhooks/list-due-deliveries";
import type { RetryPolicy } from "../server/webhooks/retry-schedule";
import { BOSS_SCHEMA, DAILY_CRON, QUEUES } from "./queues";
import { runAlertSweep, runDailyPass, type StepResult } from "./sweep";

export type JobOptions = {
  databaseUrl: string;
  log?: (message: string) => void;
  /** Webhook retry backoff (tests shorten it). */
  retry?: RetryPolicy;
  /** How often the alert sweep runs (default 15 s). */
  sweepIntervalMs?: number;
  /** How often due webhook deliveries are looked for besides the commit notifications (default 5 s). */
  dispatchIntervalMs?: number;
  /** Run the daily pass once at start (default true), so a fresh demo shows its alerts at once. */
  dailyOnStart?: boolean;
};

export type JobRunner = {
  boss: PgBoss;
  /** Queues an alert sweep now (tests, and after start). */
  sweepNow(): Promise<void>;
  /** Hands due webhook deliveries to the workers now. */
  dispatchNow(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Starts the background work in the calling process (the `shelfwatch start` process, beside the web
 * server): pg-boss with its schedules and workers, the alert sweep, and webhook delivery woken by the
 * outbox's NOTIFY on commit. Several instances may run at once: pg-boss hands each job to one of them.
 */
export async function startJobs(options: JobOptions): Promise<JobRunner> {
  let stopping = false;
  // Connection errors while the app shuts down (the database may stop first) are not news.
  const log = (message: string) => {
    if (!stopping) options.log?.(message);
  };
  const ctx = () => systemCtx("scheduler");
  const ownsDb = !hasDb();
  if (ownsDb) setDb(createClient(options.databaseUrl, 4));

  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: BOSS_SCHEMA, max: 4, application_name: "shelfwatch-jobs" });
  boss.on("error", (error) => log(`job queue error: ${error.message}`));
  await boss.start();
  await boss.createQueue(QUEUES.daily, { name: QUEUES.daily, policy: "short", retryLimit: 1, retryDelay: 300, expireInSeconds: 3 * 3600 });
  await boss.createQueue(QUEUES.sweep, { name: QUEUES.sweep, policy: "short", retryLimit: 0, expireInSeconds: 600 });
  await boss.createQueue(QUEUES.webhook, { name: QUEUES.webhook, policy: "short", retryLimit: 0, expireInSeconds: 120 });
  await boss.schedule(QUEUES.daily, DAILY_CRON, { reason: "schedule" }, { tz: "UTC", singletonKey: "daily" });

  const report = (what: string, results: StepResult[]) => {
    for (const r of results) {
      if (!r.ok) log(`${what}: ${r.step} failed: ${r.error}`);
      const changed = r.result as { raised?: unknown[]; cleared?: unknown[] } | undefined;
      if (changed?.cleared?.length) log(`${what}: ${r.step} resolved ${changed.cleared.join(", ")}`);
    }
  };
  await boss.work(QUEUES.daily, { pollingIntervalSeconds: 5 }, async () => {
    const results = await runDailyPass(ctx());
    log(`daily validation pass: ${results.map((r) => `${r.step} ${r.ok ? "ok" : "failed"}`).join(", ")}`);
    report("daily pass", results);
    return { results };
  });
  await boss.work(QUEUES.sweep, { pollingIntervalSeconds: 1 }, async () => {
    const results = await runAlertSweep(ctx());
    report("alert sweep", results);
    return { results };
  });
  const webhookWorker = await boss.work<{ deliveryId: number }>(QUEUES.webhook, { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
    const outcomes = await Promise.all(jobs.map((job) => deliverWebhook({ ctx: ctx(), input: { deliveryId: job.data.deliveryId }, options: { retry: options.retry } })));
    for (const o of outcomes) if (o && o.outcome === "failed") log(`webhook delivery ${o.deliveryId} given up after ${o.attempts} attempts: ${o.error}`);
    return { outcomes };
  });

  // Dispatch: due deliveries become jobs. Woken on commit by NOTIFY, and on a timer for retries.
  let dispatching: Promise<void> | null = null;
  let again = false;
  const dispatchOnce = async () => {
    do {
      again = false;
      const due = await listDueDeliveries({ ctx: ctx() });
      for (const d of due) await boss.send(QUEUES.webhook, { deliveryId: d.id }, { singletonKey: `delivery:${d.id}` });
      if (due.length > 0) boss.notifyWorker(webhookWorker);
    } while (again && !stopping);
  };
  const dispatchNow = async () => {
    if (stopping) return;
    if (dispatching) {
      again = true;
      return dispatching;
    }
    dispatching = dispatchOnce()
      .catch((error: Error) => log(`webhook dispatch failed: ${error.message}`))
      .finally(() => (dispatching = null));
    return dispatching;
  };
  const sweepNow = async () => {
    if (!stopping) await boss.send(QUEUES.sweep, {}, { singletonKey: "sweep" });
  };

  const listener = await listen(options.databaseUrl, () => void dispatchNow(), log, () => stopping);
  const timers = [
    setInterval(() => void dispatchNow(), options.dispatchIntervalMs ?? 5_000),
    setInterval(() => void sweepNow().catch((e: Error) => log(`alert sweep not queued: ${e.message}`)), options.sweepIntervalMs ?? 15_000),
  ];
  for (const t of timers) t.unref();
  if (options.dailyOnStart ?? true) await boss.send(QUEUES.daily, { reason: "start" }, { singletonKey: "daily" });
  await sweepNow();
  await dispatchNow();
  log("background jobs started (daily validation, alert sweep, webhook delivery)");

  return {
    boss,
    sweepNow,
    dispatchNow,
    async stop() {
      stopping = true;
      for (const t of timers) clearInterval(t);
      await listener.close();
      await dispatching;
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
      if (ownsDb) await disconnectDb();
    },
  };
}

function hasDb(): boolean {
  try {
    db();
    return true;
  } catch {
    return false;
  }
}

/** LISTENs on the outbox channel with its own connection, reconnecting after a drop. */
async function listen(url: string, onNotify: () => void, log: (m: string) => void, isStopping: () => boolean): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: "shelfwatch-outbox" });
    c.on("notification", () => onNotify());
    c.on("error", (e) => log(`outbox listener: ${e.message}`));
    c.on("end", () => {
      if (client === c) client = null;
      if (!isStopping()) retry = setTimeout(() => void connect().catch(() => {}), 5_000);
    });
    await c.connect();
    await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
    client = c;
  };
  await connect();
  return {
    async close() {
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
