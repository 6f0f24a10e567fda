import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { getListenerSamples } from "@/lib/server/review/get-listener-samples";

export const dynamic = "force-dynamic";

const params = z.object({ model: z.string().min(1), version: z.coerce.number().int().min(1), listener: z.string().min(1) });

/** GET the ranked list a version produced for one listener, with each item's catalogue fields. */
export const GET = apiRoute({ permission: "read", params }, async ({ ctx, params: p }) => ({
  body: await getListenerSamples({ ctx, input: p }),
}));
