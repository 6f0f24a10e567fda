import "server-only";
import { cache } from "react";
import { z } from "zod";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { rememberModel } from "../models/find-model";

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
  if (row?.modelId != null && row.modelName !== null && row.modelRevision !== null) {
    rememberModel({ id: row.modelId, name: row.modelName, shelfId: row.id, shelfSlug: row.slug, shelfTitle: row.title, revision: row.modelRevision });
  }
  return row ?? null;
});

/** One shelf by slug; NOT_FOUND when there is none. */
export async function getShelf({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<ShelfDto> {
  requireRole(ctx, "read");
  const { slug } = parseInput(shelfSlugSchema, input);
  const shelf = await lookupShelf(slug);
  if (!shelf) throw new AppError("NOT_FOUND", `No shelf "${slug}".`);
  return { ...shelf };
}
