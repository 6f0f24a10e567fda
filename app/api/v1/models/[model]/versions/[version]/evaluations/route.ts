import { apiRoute } from "@/lib/server/api/api-route";
import { listEvaluations } from "@/lib/server/registry/list-evaluations";
import { recordEvaluations } from "@/lib/server/registry/record-evaluations";
import { listEvaluationsQuerySchema, recordEvaluationsBodySchema, versionParamsSchema } from "@/lib/schemas/registry";

export const dynamic = "force-dynamic";

/** The version's scores, optionally of one `metric` or `dataset`. */
export const GET = apiRoute({ permission: "read", params: versionParamsSchema, query: listEvaluationsQuerySchema }, async ({ ctx, params, query }) => ({
  body: await listEvaluations({ ctx, input: { ...params, ...query } }),
}));

/** A batch of up to 10,000 scores, stored all or none. */
export const POST = apiRoute({ permission: "ingest", params: versionParamsSchema, body: recordEvaluationsBodySchema }, async ({ ctx, params, body }) => ({
  body: await recordEvaluations({ ctx, input: { ...body, ...params } }),
}));
