import { apiRoute } from "@/lib/server/api/api-route";
import type { CatalogItemsInput } from "@/lib/schemas/review";
import { upsertCatalogItems } from "@/lib/server/catalog/upsert-catalog-items";

export const dynamic = "force-dynamic";

/**
 * POST catalogue items ({ items: [{ uri, type, title, creator, imageUrl, genres }] }), upserted by URI,
 * all or nothing. Validated once, by the data layer (catalogItemsSchema).
 */
export const POST = apiRoute<unknown>({ permission: "ingest" }, async ({ ctx, body }) => ({
  // The data layer validates the body (catalogItemsSchema); the cast only names the shape it expects.
  body: await upsertCatalogItems({ ctx, input: body as CatalogItemsInput }),
}));
