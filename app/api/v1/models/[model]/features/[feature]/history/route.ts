import type { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { getFeatureHistory } from "@/lib/server/validation/get-feature-history";
import { featureHistoryParamsSchema, featureHistoryQuerySchema } from "@/lib/schemas/validation";

export const dynamic = "force-dynamic";

/** GET one feature's distance per day (or per version for training drift) with its threshold and production's moves. */
export const GET = apiRoute<undefined, z.output<typeof featureHistoryParamsSchema>, z.output<typeof featureHistoryQuerySchema>>(
  { permission: "read", params: featureHistoryParamsSchema, query: featureHistoryQuerySchema },
  async ({ ctx, params, query }) => ({ body: await getFeatureHistory({ ctx, input: { ...params, ...query } }) }),
);
