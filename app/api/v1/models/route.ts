import { apiRoute } from "@/lib/server/api/api-route";
import { listModels } from "@/lib/server/registry/list-models";

export const dynamic = "force-dynamic";

/** Every model with its shelf, primary metric and production version. */
export const GET = apiRoute({ permission: "read" }, async ({ ctx }) => ({ body: await listModels({ ctx }) }));
