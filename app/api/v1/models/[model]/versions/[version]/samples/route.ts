import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { ingestSamples } from "@/lib/server/review/ingest-samples";

export const dynamic = "force-dynamic";

const params = z.object({ model: z.string().min(1), version: z.coerce.number().int().min(1) });

/**
 * POST the ranked lists a version produced for the listener panel (up to 5,000 listeners × 100 items
 * per request) with any new catalogue items and listener context; all or nothing. The wrapper parses
 * the JSON; the data layer's schema (ingestSamplesSchema) validates it once, since at 250,000 items a
 * second pass would cost real time.
 */
export const POST = apiRoute<unknown, z.output<typeof params>>({ permission: "ingest", params }, async ({ ctx, body, params: p }) => {
  const result = await ingestSamples({ ctx, input: { model: p.model, version: p.version, body } });
  return { status: 201, body: result };
});
