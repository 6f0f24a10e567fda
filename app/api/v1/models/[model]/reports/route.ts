import type { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { listReports } from "@/lib/server/validation/list-reports";
import { listReportsQuerySchema, modelParamsSchema } from "@/lib/schemas/validation";

export const dynamic = "force-dynamic";

/** GET a model's skew, drift and training-drift reports, newest first. */
export const GET = apiRoute<undefined, z.output<typeof modelParamsSchema>, z.output<typeof listReportsQuerySchema>>(
  { permission: "read", params: modelParamsSchema, query: listReportsQuerySchema },
  async ({ ctx, params, query }) => ({ body: await listReports({ ctx, input: { model: params.model, ...query } }) }),
);
