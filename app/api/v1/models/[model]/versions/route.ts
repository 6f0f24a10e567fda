import { apiRoute } from "@/lib/server/api/api-route";
import { listVersions } from "@/lib/server/registry/list-versions";
import { registerVersion } from "@/lib/server/registry/register-version";
import { listVersionsQuerySchema, modelParamsSchema, registerVersionBodySchema } from "@/lib/schemas/registry";

export const dynamic = "force-dynamic";

/** A model's versions, newest first; `?cursor=` takes the previous page's `nextCursor`. */
export const GET = apiRoute({ permission: "read", params: modelParamsSchema, query: listVersionsQuerySchema }, async ({ ctx, params, query }) => ({
  body: await listVersions({ ctx, input: { model: params.model, ...query } }),
}));

/** Registers a version (201), or returns the same registration again (200). */
export const POST = apiRoute({ permission: "ingest", params: modelParamsSchema, body: registerVersionBodySchema }, async ({ ctx, params, body }) => {
  const result = await registerVersion({ ctx, input: { ...body, model: params.model } });
  return { status: result.created ? 201 : 200, body: result };
});
