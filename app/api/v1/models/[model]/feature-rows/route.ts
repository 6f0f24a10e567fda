import type { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { readNdjsonLines } from "@/lib/server/api/read-body";
import { ingestFeatureRows } from "@/lib/server/validation/ingest-feature-rows";
import { datasetTargetSchema, MAX_FEATURE_ROWS_BYTES, modelParamsSchema } from "@/lib/schemas/validation";

export const dynamic = "force-dynamic";

/**
 * POST raw feature rows as NDJSON (one JSON object per line), streamed into the dataset's profile with
 * constant memory, then stored and compared like posted statistics.
 */
export const POST = apiRoute<undefined, z.output<typeof modelParamsSchema>, z.output<typeof datasetTargetSchema>>(
  { permission: "ingest", params: modelParamsSchema, query: datasetTargetSchema, rawBody: true, maxBytes: MAX_FEATURE_ROWS_BYTES },
  async ({ ctx, params, query, request, maxBytes }) => {
    const result = await ingestFeatureRows({ ctx, input: { model: params.model, target: query, lines: readNdjsonLines(request, maxBytes) } });
    return { status: result.created ? 201 : 200, body: result };
  },
);
