import { apiRoute } from "@/lib/server/api/api-route";
import { collectMetrics } from "@/lib/server/health/collect-metrics";

export const dynamic = "force-dynamic";

const PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

// Behind a token with the read scope (or a signed-in session): request rates and alert counts say
// something about the business, so they are not public. Prometheus sends the token as a bearer.
const metrics = apiRoute({ permission: "read" }, async ({ ctx }) => ({ body: await collectMetrics({ ctx }) }));

export async function GET(request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
  const response = await metrics(request, context);
  if (!response.ok) return response;
  // The wrapper answers JSON (a string here); Prometheus wants the text itself.
  return new Response(JSON.parse(await response.text()) as string, { status: 200, headers: { "content-type": PROMETHEUS_TEXT, "cache-control": "no-store" } });
}
