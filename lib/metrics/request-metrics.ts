/**
 * Request counters and latency histograms of this process, for GET /metrics. They live on globalThis:
 * Next.js may bundle this module into several route chunks, and all of them must count into one place.
 */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

type Histogram = { buckets: number[]; sum: number; count: number };
type Store = { requests: Map<string, number>; latency: Map<string, Histogram>; startedAt: number };

const holder = globalThis as unknown as { shelfwatchRequestMetrics?: Store; shelfwatchRequestMetricsSnapshot?: () => RequestMetricsSnapshot };

function store(): Store {
  holder.shelfwatchRequestMetrics ??= { requests: new Map(), latency: new Map(), startedAt: Date.now() };
  // The web tier's worker answers its primary's "what have you counted?" with this (web-server.mjs).
  holder.shelfwatchRequestMetricsSnapshot ??= requestMetricsSnapshot;
  return holder.shelfwatchRequestMetrics;
}

const key = (labels: Record<string, string>) => JSON.stringify(labels);

/** Counts one answered request and its duration. */
export function recordRequest(method: string, route: string, status: number, seconds: number): void {
  const s = store();
  const counted = key({ method, route, status: String(status) });
  s.requests.set(counted, (s.requests.get(counted) ?? 0) + 1);
  const timed = key({ method, route });
  let h = s.latency.get(timed);
  if (!h) s.latency.set(timed, (h = { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
  LATENCY_BUCKETS.forEach((le, i) => {
    if (seconds <= le) h.buckets[i] += 1;
  });
  h.sum += seconds;
  h.count += 1;
}

export type RequestMetricsSnapshot = {
  startedAt: number;
  requests: { labels: Record<string, string>; value: number }[];
  latency: { labels: Record<string, string>; buckets: number[]; sum: number; count: number }[];
};

/** A copy of the counters (sorted, so the output is stable). */
export function requestMetricsSnapshot(): RequestMetricsSnapshot {
  const s = store();
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    startedAt: s.startedAt,
    requests: sorted(s.requests).map(([k, value]) => ({ labels: JSON.parse(k), value })),
    latency: sorted(s.latency).map(([k, h]) => ({ labels: JSON.parse(k), buckets: [...h.buckets], sum: h.sum, count: h.count })),
  };
}

/** Several processes' counters as one: requests and histograms summed by labels, the earliest start. */
export function mergeRequestMetrics(snapshots: RequestMetricsSnapshot[]): RequestMetricsSnapshot {
  const requests = new Map<string, number>();
  const latency = new Map<string, Histogram>();
  for (const s of snapshots) {
    for (const r of s.requests) requests.set(key(r.labels), (requests.get(key(r.labels)) ?? 0) + r.value);
    for (const l of s.latency) {
      const h = latency.get(key(l.labels)) ?? { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      l.buckets.forEach((n, i) => (h.buckets[i] = (h.buckets[i] ?? 0) + n));
      h.sum += l.sum;
      h.count += l.count;
      latency.set(key(l.labels), h);
    }
  }
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    startedAt: snapshots.length ? Math.min(...snapshots.map((s) => s.startedAt)) : Date.now(),
    requests: sorted(requests).map(([k, value]) => ({ labels: JSON.parse(k) as Record<string, string>, value })),
    latency: sorted(latency).map(([k, h]) => ({ labels: JSON.parse(k) as Record<string, string>, ...h })),
  };
}

type Reply = { shelfwatch?: string; id?: string; snapshots?: (RequestMetricsSnapshot | null)[] };

/**
 * The counters of the whole web tier. Under web-server.mjs every worker process counts what it served, so
 * this one asks the primary to gather all workers' snapshots and merges them; a process on its own (or
 * a primary that does not answer within a second) reports what it counted itself.
 */
export async function webTierMetricsSnapshot(): Promise<RequestMetricsSnapshot> {
  const local = requestMetricsSnapshot();
  if (typeof process.send !== "function") return local;
  const id = `${process.pid}-${Date.now()}-${Math.random()}`;
  const gathered = await new Promise<(RequestMetricsSnapshot | null)[] | null>((resolve) => {
    const onMessage = (message: Reply) => {
      if (message?.shelfwatch !== "metrics" || message.id !== id) return;
      finish(message.snapshots ?? null);
    };
    const timer = setTimeout(() => finish(null), 1_000);
    const finish = (value: (RequestMetricsSnapshot | null)[] | null) => {
      clearTimeout(timer);
      process.off("message", onMessage);
      resolve(value);
    };
    process.on("message", onMessage);
    process.send!({ shelfwatch: "gather-metrics", id });
  });
  if (!gathered) return local;
  return mergeRequestMetrics(gathered.filter((s): s is RequestMetricsSnapshot => s !== null));
}

/** Forgets everything (tests). */
export function resetRequestMetrics(): void {
  holder.shelfwatchRequestMetrics = undefined;
}

/**
 * The route a path was served by, with its parameters put back as `{name}`: labels must not carry
 * model names or version numbers, or every version would be a new time series.
 */
export function routeTemplate(pathname: string, params: Record<string, string | string[]>): string {
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) byValue.set(v, name);
  }
  const segments = pathname.split("/").map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {}
    const name = byValue.get(decoded);
    return name ? `{${name}}` : segment;
  });
  return segments.join("/");
}
