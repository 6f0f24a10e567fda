import "server-only";
import { cache } from "react";
import { z } from "zod";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { rememberModel, type ModelRef } from "../models/find-model";

export const shelfSlugSchema = z.object({ slug: z.string().min(1).max(100) });

export type ShelfDto = {
  id: number;
  slug: string;
  title: string;
  description: string;
  team: string;
  modelId: number | null;
  modelName: string | null;
  modelDescription: string | null;
  /** The model's registry revision (see lib/server/models/revision-cache.ts). */
  modelRevision: string | null;
};

// One look-up per slug per page render, however many sections ask (React's request cache; outside a
// render it simply calls through).
const lookupShelf = cache(async (slug: string): Promise<ShelfDto | null> => {
  const [row] = await db().$queryRaw<ShelfDto[]>`
    SELECT s.id, s.slug, s.title, s.description, s.team, m.id AS "modelId", m.name AS "modelName", m.description AS "modelDescription", m.revision::text AS "modelRevision"
    FROM "Shelf" s LEFT JOIN "Model" m ON m."shelfId" = s.id WHERE s.slug = ${slug}`;
  const model = row ? shelfModel(row) : null;
  if (model) rememberModel(model);
  return row ?? null;
});

/** The model that fills a shelf, as `findModel` would give it (with its revision), or null when there is none. */
export function shelfModel(shelf: ShelfDto): ModelRef | null {
  if (shelf.modelId === null || shelf.modelName === null || shelf.modelRevision === null) return null;
  return { id: shelf.modelId, name: shelf.modelName, shelfId: shelf.id, shelfSlug: shelf.slug, shelfTitle: shelf.title, revision: shelf.modelRevision };
}

/** One shelf by slug; NOT_FOUND when there is none. */
export async function getShelf({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<ShelfDto> {
  requireRole(ctx, "read");
  const { slug } = parseInput(shelfSlugSchema, input);
  const shelf = await lookupShelf(slug);
  if (!shelf) throw new AppError("NOT_FOUND", `No shelf "${slug}".`);
  return { ...shelf };
}
