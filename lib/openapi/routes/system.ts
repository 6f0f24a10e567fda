import { z } from "zod";
import { listAlertsSchema } from "../../schemas/alerts";
import type { RouteDoc } from "../types";

const HEALTH = {
  status: "ok",
  checks: {
    database: { ok: true, latencyMs: 2 },
    jobQueue: { ok: true, lastTickAt: "2026-11-29T10:00:30.000Z", waiting: 0, oldestWaitingSeconds: null, failed: 0 },
  },
  time: "2026-11-29T10:00:41.000Z",
};

const ALERT = {
  id: 17,
  kind: "skew",
  subject: "podcast-model",
  title: "Skew on podcast-model on 2026-11-28: podcast_minutes_28d (Jensen-Shannon 0.412 > 0.100) and 1 more feature",
  status: "open",
  count: 21,
  firstSeenAt: "2026-11-08T03:15:02.000Z",
  lastSeenAt: "2026-11-29T03:15:04.000Z",
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  shelf: { slug: "shows-you-might-like", title: "Shows you might like" },
  model: "podcast-model",
  details: { reportId: 812, day: "2026-11-28", anomalyCount: 2, features: [{ feature: "podcast_minutes_28d", comparator: "Jensen-Shannon", distance: 0.412, threshold: 0.1 }] },
  link: "/shelves/shows-you-might-like/validation/812?feature=podcast_minutes_28d",
};

/** Health, the API document itself, metrics, and alerts. */
export const SYSTEM_ROUTES: RouteDoc[] = [
  {
    method: "get",
    path: "/api/v1/health",
    operationId: "getHealth",
    tag: "Operations",
    summary: "Health of the database and the job queue",
    description:
      "`ok` when the database answers and a job runner ticked in the last 150 s; `degraded` (still 200) when the pages and API work but background jobs (daily validation, alerts, webhooks) do not run; `down` (503) when the database is unreachable.",
    permission: null,
    responses: { 200: { description: "`ok` or `degraded`.", example: HEALTH }, 503: { description: "`down`: the database is unreachable.", example: { ...HEALTH, status: "down", checks: { database: { ok: false, latencyMs: null, error: "database unreachable" }, jobQueue: { ...HEALTH.checks.jobQueue, ok: false, error: "database unreachable" } } } } },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Operations",
    summary: "This document",
    description: "The OpenAPI 3.1 document of the API, generated from the zod schemas the routes validate with.",
    permission: null,
    responses: { 200: { description: "The document." } },
  },
  {
    method: "get",
    path: "/metrics",
    operationId: "getMetrics",
    tag: "Operations",
    summary: "Prometheus metrics",
    description:
      "Prometheus text format: `shelfwatch_http_requests_total` and `shelfwatch_http_request_duration_seconds` (per method, route template and status, for this instance), `shelfwatch_job_queue_depth`, `shelfwatch_job_queue_waiting`, `shelfwatch_job_queue_last_tick_age_seconds`, `shelfwatch_alerts_open` (per kind and status) and `shelfwatch_webhook_deliveries`. Give Prometheus a token with the `read` scope as its bearer token.",
    permission: "read",
    responses: {
      200: {
        description: "Metrics in the Prometheus text format, version 0.0.4.",
        contentType: "text/plain; version=0.0.4",
        schema: z.string(),
        example: '# HELP shelfwatch_alerts_open Alerts not yet resolved, by kind and status (open or acknowledged).\n# TYPE shelfwatch_alerts_open gauge\nshelfwatch_alerts_open{kind="skew",status="open"} 1\n',
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/alerts",
    operationId: "listAlerts",
    tag: "Alerts",
    summary: "List alerts",
    description:
      "Skew, drift, schema, evaluation-regression, missed-retrain and gate-failure alerts, newest sighting first. An alert is deduplicated per kind and subject while it is open or acknowledged: `count` is how many times it was seen, `lastSeenAt` the latest. `link` is the dashboard page with the evidence.",
    permission: "read",
    query: listAlertsSchema,
    responses: {
      200: {
        description: "One page of alerts, with counts by status and live alerts by kind.",
        example: { items: [ALERT], total: 1, page: 1, pageSize: 50, liveByKind: { skew: 1, drift: 0, schema: 1, evaluation_regression: 0, missed_retrain: 0, gate_failure: 0 }, counts: { open: 2, acknowledged: 0, resolved: 5 }, shelves: [{ slug: "shows-you-might-like", title: "Shows you might like" }] },
      },
    },
  },
];
