import { apiRoute } from "@/lib/server/api/api-route";
import { getProductionAt } from "@/lib/server/deployments/get-production-at";
import { modelParamsSchema, productionAtQuerySchema } from "@/lib/schemas/promotions";

export const dynamic = "force-dynamic";

/** What was in production at `?at=` (a day means its end, UTC; an ISO instant; absent means now). */
export const GET = apiRoute({ permission: "read", params: modelParamsSchema, query: productionAtQuerySchema }, async ({ ctx, params, query }) => {
  const body = await getProductionAt({ ctx, input: { model: params.model, at: query.at ?? ctx.now.toISOString() } });
  return { body };
});
