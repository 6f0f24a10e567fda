import { apiRoute } from "@/lib/server/api/api-route";
import { getVersion } from "@/lib/server/registry/get-version";
import { versionParamsSchema } from "@/lib/schemas/registry";

export const dynamic = "force-dynamic";

/** One version with its lineage, status and production history. */
export const GET = apiRoute({ permission: "read", params: versionParamsSchema }, async ({ ctx, params }) => ({
  body: await getVersion({ ctx, input: params }),
}));
