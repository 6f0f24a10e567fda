import { apiRoute } from "@/lib/server/api/api-route";
import { listOnlineMetrics } from "@/lib/server/registry/list-online-metrics";
import { recordOnlineMetrics } from "@/lib/server/registry/record-online-metrics";
import { listOnlineMetricsQuerySchema, modelParamsSchema, recordOnlineMetricsBodySchema } from "@/lib/schemas/registry";

export const dynamic = "force-dynamic";

/** Daily values between `from` and `to` (inclusive; the last 90 days by default). */
export const GET = apiRoute({ permission: "read", params: modelParamsSchema, query: listOnlineMetricsQuerySchema }, async ({ ctx, params, query }) => ({
  body: await listOnlineMetrics({ ctx, input: { ...query, model: params.model } }),
}));

/** Daily values per version, stored all or none. */
export const POST = apiRoute({ permission: "ingest", params: modelParamsSchema, body: recordOnlineMetricsBodySchema }, async ({ ctx, params, body }) => ({
  body: await recordOnlineMetrics({ ctx, input: { ...body, model: params.model } }),
}));
