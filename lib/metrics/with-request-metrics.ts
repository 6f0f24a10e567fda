import { recordRequest, routeTemplate } from "./request-metrics";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Wraps a route handler so that each answer is counted by method, route template and status. */
export function withRequestMetrics(handler: Handler): Handler {
  return async (request, context) => {
    const started = performance.now();
    let status = 500;
    try {
      const response = await handler(request, context);
      status = response.status;
      return response;
    } finally {
      // Next passes no params at all to a route without dynamic segments.
      const params = (await Promise.resolve(context?.params).catch(() => undefined)) ?? {};
      recordRequest(request.method, routeTemplate(new URL(request.url).pathname, params), status, (performance.now() - started) / 1000);
    }
  };
}
