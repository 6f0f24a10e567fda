import "server-only";
import type { Permission } from "../../auth/permissions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError } from "../errors";

export type ModelRef = { id: number; name: string; shelfId: number; shelfSlug: string; shelfTitle: string };

/**
 * The model a validation call is about, by name, after checking the caller may use `permission` on
 * its shelf. An unknown model is NOT_FOUND (the API answers 404).
 */
export async function findModel(ctx: Ctx, name: string, permission: Permission): Promise<ModelRef> {
  requireRole(ctx, permission);
  const model = await db().model.findUnique({ where: { name }, select: { id: true, name: true, shelfId: true, shelf: { select: { slug: true, title: true } } } });
  if (!model) throw new AppError("NOT_FOUND", `No model "${name}".`);
  requireRole(ctx, permission, { shelfId: model.shelfId });
  return { id: model.id, name: model.name, shelfId: model.shelfId, shelfSlug: model.shelf.slug, shelfTitle: model.shelf.title };
}
