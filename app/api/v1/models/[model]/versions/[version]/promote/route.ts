import { apiRoute } from "@/lib/server/api/api-route";
import { runPromotionGate } from "@/lib/server/promotions/run-promotion-gate";
import { modelVersionParamsSchema, promoteBodySchema } from "@/lib/schemas/promotions";

export const dynamic = "force-dynamic";

/**
 * The pipeline gate: runs the model's policy for the version and answers `deployed`, `pending_approval`
 * (202, with the request a lead will decide) or `refused` (with the checks that failed). Asking again
 * for a version that already waits returns the same request; an Idempotency-Key replays the answer.
 */
export const POST = apiRoute(
  { permission: "requestPromotion", params: modelVersionParamsSchema, body: promoteBodySchema },
  async ({ ctx, params, body }) => {
    const result = await runPromotionGate({ ctx, input: { model: params.model, version: params.version, reason: body.reason } });
    return { status: result.outcome === "pending_approval" ? 202 : 200, body: result };
  },
);
