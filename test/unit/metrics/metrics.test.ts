import { beforeEach, describe, expect, it } from "vitest";
import { histogramSamples, renderPrometheus } from "../../../lib/metrics/prometheus";
import { mergeRequestMetrics, recordRequest, requestMetricsSnapshot, resetRequestMetrics, routeTemplate } from "../../../lib/metrics/request-metrics";

beforeEach(() => resetRequestMetrics());

describe("request metrics", () => {
  it("labels requests by route template, never by model or version", () => {
    expect(routeTemplate("/api/v1/models/podcast-model/versions/53/evaluations", { model: "podcast-model", version: "53" })).toBe("/api/v1/models/{model}/versions/{version}/evaluations");
    expect(routeTemplate("/api/v1/models/a%20b", { model: "a b" })).toBe("/api/v1/models/{model}");
  });

  it("counts by status and keeps cumulative latency buckets", () => {
    recordRequest("GET", "/x", 200, 0.003);
    recordRequest("GET", "/x", 200, 0.2);
    recordRequest("GET", "/x", 404, 0.02);
    const s = requestMetricsSnapshot();
    expect(s.requests).toEqual([
      { labels: { method: "GET", route: "/x", status: "200" }, value: 2 },
      { labels: { method: "GET", route: "/x", status: "404" }, value: 1 },
    ]);
    expect(s.latency[0]).toMatchObject({ count: 3, buckets: [1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3] });
  });

  it("merges several workers' counters into one, as if one process had served everything", () => {
    recordRequest("GET", "/x", 200, 0.003);
    recordRequest("POST", "/y", 201, 0.3);
    const first = requestMetricsSnapshot();
    resetRequestMetrics();
    recordRequest("GET", "/x", 200, 0.2);
    recordRequest("GET", "/x", 404, 0.02);
    const second = { ...requestMetricsSnapshot(), startedAt: first.startedAt - 1000 };
    resetRequestMetrics();
    for (const [status, seconds] of [[200, 0.003], [200, 0.2], [404, 0.02]] as const) recordRequest("GET", "/x", status, seconds);
    recordRequest("POST", "/y", 201, 0.3);
    const whole = requestMetricsSnapshot();

    const merged = mergeRequestMetrics([first, second]);
    expect(merged.requests).toEqual(whole.requests);
    expect(merged.latency.map(({ sum, ...rest }) => ({ ...rest, sum: Number(sum.toFixed(6)) }))).toEqual(whole.latency.map(({ sum, ...rest }) => ({ ...rest, sum: Number(sum.toFixed(6)) })));
    expect(merged.startedAt).toBe(first.startedAt - 1000);
    expect(mergeRequestMetrics([]).requests).toEqual([]);
  });
});

describe("Prometheus text", () => {
  it("renders help, type, labels (escaped) and histogram series", () => {
    const text = renderPrometheus([
      { name: "a_total", help: "A count.", type: "counter", samples: [{ labels: { path: 'x"y\\z' }, value: 3 }] },
      { name: "h", help: "H.", type: "histogram", samples: histogramSamples({ r: "/x" }, [0.1, 1], [1, 2], 0.7, 3) },
      { name: "g", help: "G.", type: "gauge", samples: [{ value: Number.NaN }] },
    ]);
    expect(text).toBe(
      [
        "# HELP a_total A count.",
        "# TYPE a_total counter",
        'a_total{path="x\\"y\\\\z"} 3',
        "# HELP h H.",
        "# TYPE h histogram",
        'h_bucket{r="/x",le="0.1"} 1',
        'h_bucket{r="/x",le="1"} 2',
        'h_bucket{r="/x",le="+Inf"} 3',
        'h_sum{r="/x"} 0.7',
        'h_count{r="/x"} 3',
        "# HELP g G.",
        "# TYPE g gauge",
        "g NaN",
        "",
      ].join("\n"),
    );
  });
});

describe("withRequestMetrics", () => {
  it("counts routes that Next calls without params (no dynamic segment)", async () => {
    const { withRequestMetrics } = await import("../../../lib/metrics/with-request-metrics");
    const handler = withRequestMetrics(async () => new Response(null, { status: 204 }));
    await handler(new Request("http://localhost/api/v1/health"), undefined as never);
    await handler(new Request("http://localhost/api/v1/models/m"), { params: Promise.resolve({ model: "m" }) });
    expect(requestMetricsSnapshot().requests.map((r) => r.labels.route)).toEqual(["/api/v1/health", "/api/v1/models/{model}"]);
  });
});
