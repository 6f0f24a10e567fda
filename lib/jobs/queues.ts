/** The pg-boss queues of Shelfwatch and their schedules. */
export const QUEUES = {
  /** Once a day: validation reports for days and versions that lack one, then the alert sweep. */
  daily: "shelfwatch.daily-validation",
  /** Every few seconds (throttled across instances): alerts from reports, retrains, gate, deployments. */
  sweep: "shelfwatch.alert-sweep",
  /** One job per webhook delivery attempt. */
  webhook: "shelfwatch.webhook-delivery",
} as const;

/** 03:15 UTC, after the night's serving statistics have usually arrived. */
export const DAILY_CRON = "15 3 * * *";

/** pg-boss keeps its tables in their own schema, beside the app's `public` one. */
export const BOSS_SCHEMA = "pgboss";
