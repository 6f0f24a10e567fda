import type { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { ingestStatistics } from "@/lib/server/validation/ingest-statistics";
import { datasetTargetSchema, modelParamsSchema, statisticsBodySchema } from "@/lib/schemas/validation";

export const dynamic = "force-dynamic";

/**
 * POST the statistics of a dataset (`?kind=training&version=12`, `?kind=serving&day=2026-11-28`):
 * a Shelfwatch profile or TFDV statistics. Answers with every report the profile took part in.
 */
export const POST = apiRoute<z.output<typeof statisticsBodySchema>, z.output<typeof modelParamsSchema>, z.output<typeof datasetTargetSchema>>(
  { permission: "ingest", params: modelParamsSchema, query: datasetTargetSchema, body: statisticsBodySchema },
  async ({ ctx, body, params, query }) => {
    const result = await ingestStatistics({ ctx, input: { model: params.model, target: query, statistics: body } });
    return { status: result.created ? 201 : 200, body: result };
  },
);
