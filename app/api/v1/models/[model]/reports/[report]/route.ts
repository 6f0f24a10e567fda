import type { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { getReport } from "@/lib/server/validation/get-report";
import { reportParamsSchema } from "@/lib/schemas/validation";

export const dynamic = "force-dynamic";

/** GET one report: every compared feature with comparator, distance and threshold, and the schema anomalies. */
export const GET = apiRoute<undefined, z.output<typeof reportParamsSchema>>({ permission: "read", params: reportParamsSchema }, async ({ ctx, params }) => ({
  body: await getReport({ ctx, input: params }),
}));
