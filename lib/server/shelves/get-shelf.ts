import "server-only";
import { z } from "zod";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";

export const shelfSlugSchema = z.object({ slug: z.string().min(1).max(100) });

export type ShelfDto = { id: number; slug: string; title: string; description: string; team: string; modelId: number | null; modelName: string | null };

/** One shelf by slug; NOT_FOUND when there is none. */
export async function getShelf({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<ShelfDto> {
  requireRole(ctx, "read");
  const { slug } = parseInput(shelfSlugSchema, input);
  const shelf = await db().shelf.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, description: true, team: true, model: { select: { id: true, name: true } } },
  });
  if (!shelf) throw new AppError("NOT_FOUND", `No shelf "${slug}".`);
  return { id: shelf.id, slug: shelf.slug, title: shelf.title, description: shelf.description, team: shelf.team, modelId: shelf.model?.id ?? null, modelName: shelf.model?.name ?? null };
}
