import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { getReviewListener } from "@/lib/server/review/get-review-listener";
import { queueFiltersSchema } from "@/lib/schemas/review";

export const dynamic = "force-dynamic";

const params = z.object({ model: z.string().min(1), version: z.coerce.number().int().min(1), listener: z.string().min(1) });

/**
 * GET one listener of the review queue as the review page shows it (both lists, changes, comparison,
 * the caller's verdict, neighbours under the filters, progress). The page prefetches the next
 * listener through here; it is the same data-layer function the page renders with.
 */
export const GET = apiRoute({ permission: "read", params, query: queueFiltersSchema }, async ({ ctx, params: p, query }) => ({
  body: await getReviewListener({ ctx, input: { model: p.model, version: p.version, listener: p.listener, filters: query } }),
}));
