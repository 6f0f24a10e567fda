import "server-only";
import { cache } from "react";
import type { Permission } from "../../auth/permissions";
import { requireRole, type Ctx } from "../context";
import { db, type Db, type Tx } from "../db";
import { AppError } from "../errors";

export type ModelRef = { id: number; name: string; shelfId: number; shelfSlug: string; shelfTitle: string; revision: string };

// Models this page render has already read along with something else (a shelf by slug): no query for them.
const seenThisRender = cache(() => new Map<string, ModelRef>());

/** Notes a model read by another query of this page render, so that `findModel` needs none (outside a render, nothing). */
export function rememberModel(model: ModelRef): void {
  seenThisRender().set(model.name, model);
}

// One look-up per model name per page render, however many sections of the page ask (React's request
// cache; outside a render it simply calls through).
const lookupModel = cache(async (name: string): Promise<ModelRef | null> => {
  const seen = seenThisRender().get(name);
  if (seen) return seen;
  const [row] = await db().$queryRaw<ModelRef[]>`
    SELECT m.id, m.name, m."shelfId", s.slug AS "shelfSlug", s.title AS "shelfTitle", m.revision::text AS revision
    FROM "Model" m JOIN "Shelf" s ON s.id = m."shelfId" WHERE m.name = ${name}`;
  return row ?? null;
});

/**
 * The model a registry call is about, by name, after checking the caller may use `permission` on its
 * shelf. An unknown model is NOT_FOUND (the API answers 404).
 */
export async function findModel(ctx: Ctx, name: string, permission: Permission): Promise<ModelRef> {
  requireRole(ctx, permission);
  const model = await lookupModel(name);
  if (!model) throw new AppError("NOT_FOUND", `No model "${name}".`);
  requireRole(ctx, permission, { shelfId: model.shelfId });
  return model;
}

/** A version's row id by number, or NOT_FOUND naming the model. */
export async function findVersionId(client: Db | Tx, model: ModelRef, version: number): Promise<number> {
  const row = await client.modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version } }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", `${model.name} has no version ${version}.`);
  return row.id;
}
