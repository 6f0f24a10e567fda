import "server-only";
import { productionAtSchema, type ProductionAtInput } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { loadModel } from "../promotions/model-state";

export type ProductionAtDto = {
  model: string;
  at: string;
  /** The version live at that instant, or null when nothing was in production yet. */
  version: number | null;
  since: string | null;
  until: string | null;
  deployment: { id: number; reason: string; actor: string; comment: string; fromVersion: number | null } | null;
};

/**
 * What was in production at an instant (a calendar day means the end of that day, UTC), read from
 * the deployment log: the last deployment at or before it, and when it was replaced.
 */
export async function getProductionAt({ ctx, input }: { ctx: Ctx; input: ProductionAtInput }): Promise<ProductionAtDto> {
  requireRole(ctx, "read");
  const data = parseInput(productionAtSchema, input);
  const model = await loadModel(db(), data.model);
  const select = {
    id: true,
    createdAt: true,
    reason: true,
    actor: true,
    comment: true,
    toVersion: { select: { version: true } },
    fromVersion: { select: { version: true } },
  } as const;
  const [live, next] = await Promise.all([
    db().deployment.findFirst({ where: { modelId: model.id, createdAt: { lte: data.at } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select }),
    db().deployment.findFirst({ where: { modelId: model.id, createdAt: { gt: data.at } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { createdAt: true } }),
  ]);
  return {
    model: model.name,
    at: data.at.toISOString(),
    version: live?.toVersion.version ?? null,
    since: live?.createdAt.toISOString() ?? null,
    until: next?.createdAt.toISOString() ?? null,
    deployment: live
      ? { id: live.id, reason: live.reason, actor: live.actor, comment: live.comment, fromVersion: live.fromVersion?.version ?? null }
      : null,
  };
}
