import { openApiDocument } from "@/lib/openapi/routes";
import { apiRoute } from "@/lib/server/api/api-route";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of this API (public: it describes the API, not data). */
export const GET = apiRoute({ permission: null }, async () => ({ body: openApiDocument() }));
