import "server-only";
import { catalogItemsSchema, type CatalogItemsInput } from "../../schemas/review";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { bulkUpsertItems, type ItemUpsertCounts } from "./bulk-upsert-items";

/** Upserts catalogue items by URI, all or nothing, with one audit row for the batch. */
export async function upsertCatalogItems({ ctx, input }: { ctx: Ctx; input: CatalogItemsInput }): Promise<ItemUpsertCounts> {
  requireRole(ctx, "ingest");
  const { items } = parseInput(catalogItemsSchema, input);
  return db().$transaction(
    async (tx) => {
      const counts = await bulkUpsertItems(tx, items, ctx.now);
      // The audit row records the batch, not every title: the rows themselves carry the content.
      await appendAudit(tx, ctx, { action: "catalog.items_upserted", subjectType: "catalog", subjectId: "items", after: counts });
      return counts;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
