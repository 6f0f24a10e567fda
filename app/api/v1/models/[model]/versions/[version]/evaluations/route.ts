import { apiRoute } from "@/lib/server/api/api-route";
import { listEvaluations } from "@/lib/server/registry/list-evaluations";
import { recordEvaluations } from "@/lib/server/registry/record-evaluations";
import { listEvaluationsQuerySchema, recordEvaluationsEnvelopeSchema, versionParamsSchema, type RecordEvaluationsInput } from "@/lib/schemas/registry";

export const dynamic = "force-dynamic";

/** The version's scores, optionally of one `metric` or `dataset`. */
export const GET = apiRoute({ permission: "read", params: versionParamsSchema, query: listEvaluationsQuerySchema }, async ({ ctx, params, query }) => ({
  body: await listEvaluations({ ctx, input: { ...params, ...query } }),
}));

/** A batch of up to 10,000 scores, stored all or none (the rows are checked by `recordEvaluations`). */
export const POST = apiRoute({ permission: "ingest", params: versionParamsSchema, body: recordEvaluationsEnvelopeSchema }, async ({ ctx, params, body }) => ({
  body: await recordEvaluations({ ctx, input: { ...params, evaluations: body.evaluations as RecordEvaluationsInput["evaluations"] } }),
}));
