import "server-only";
import { histogramSamples, renderPrometheus, type Family } from "../../metrics/prometheus";
import { LATENCY_BUCKETS, webTierMetricsSnapshot } from "../../metrics/request-metrics";
import { ALERT_KINDS } from "../../schemas/alerts";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { readQueueStats } from "./read-queue-stats";

/** Everything GET /metrics exposes, as Prometheus text: requests of this process, then shared state. */
export async function collectMetrics({ ctx }: { ctx: Ctx }): Promise<string> {
  requireRole(ctx, "read");
  const requests = await webTierMetricsSnapshot();
  const [queue, alerts, deliveries] = await Promise.all([
    readQueueStats().catch(() => null),
    db().alert.groupBy({ by: ["kind", "status"], where: { status: { in: ["open", "acknowledged"] } }, _count: { _all: true } }),
    db().webhookDelivery.groupBy({ by: ["status"], where: { status: { in: ["pending", "sending", "retrying", "failed"] } }, _count: { _all: true } }),
  ]);
  const families: Family[] = [
    {
      name: "shelfwatch_http_requests_total",
      help: "API requests answered by this instance, by method, route and status.",
      type: "counter",
      samples: requests.requests.map((r) => ({ labels: r.labels, value: r.value })),
    },
    {
      name: "shelfwatch_http_request_duration_seconds",
      help: "Time to answer an API request, by method and route.",
      type: "histogram",
      samples: requests.latency.flatMap((h) => histogramSamples(h.labels, LATENCY_BUCKETS, h.buckets, h.sum, h.count)),
    },
    {
      name: "shelfwatch_job_queue_depth",
      help: "Background jobs by queue and state (created, retry, active, failed).",
      type: "gauge",
      samples: (queue?.jobs ?? []).map((j) => ({ labels: { queue: j.queue, state: j.state }, value: j.count })),
    },
    { name: "shelfwatch_job_queue_waiting", help: "Jobs ready to run that no worker has started.", type: "gauge", samples: [{ value: queue?.waiting ?? 0 }] },
    {
      name: "shelfwatch_job_queue_last_tick_age_seconds",
      help: "Seconds since a job runner last ticked (large means background work is not running).",
      type: "gauge",
      samples: [{ value: queue?.lastTickAt ? Math.max(0, (ctx.now.getTime() - Date.parse(queue.lastTickAt)) / 1000) : Number.NaN }],
    },
    {
      name: "shelfwatch_alerts_open",
      help: "Alerts not yet resolved, by kind and status (open or acknowledged).",
      type: "gauge",
      samples: ALERT_KINDS.flatMap((kind) =>
        (["open", "acknowledged"] as const).map((status) => ({
          labels: { kind, status },
          value: alerts.find((a) => a.kind === kind && a.status === status)?._count._all ?? 0,
        })),
      ),
    },
    {
      name: "shelfwatch_webhook_deliveries",
      help: "Webhook deliveries waiting, in flight, retrying or given up.",
      type: "gauge",
      samples: ["pending", "sending", "retrying", "failed"].map((status) => ({ labels: { status }, value: deliveries.find((d) => d.status === status)?._count._all ?? 0 })),
    },
    { name: "shelfwatch_process_start_time_seconds", help: "When this instance started counting, in Unix seconds.", type: "gauge", samples: [{ value: Math.floor(requests.startedAt / 1000) }] },
  ];
  return renderPrometheus(families);
}
