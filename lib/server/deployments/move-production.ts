import "server-only";
import { appendAudit } from "../audit";
import type { Ctx } from "../context";
import { actorLabel } from "../context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { PRODUCTION } from "../promotions/model-state";

export type MoveProductionInput = {
  model: { id: number; name: string; shelfId: number };
  /** The version the caller believes is in production; the move happens only if it still is. */
  from: { id: number; version: number } | null;
  to: { id: number; version: number };
  reason: "promotion" | "automatic_push" | "rollback";
  requestId?: number | null;
  comment?: string;
};

export type DeploymentDto = { id: number; fromVersion: number | null; toVersion: number; reason: string; actor: string; comment: string; createdAt: string };

/**
 * Moves the production alias inside the caller's transaction, guarded on the expected current version,
 * and records the deployment and its audit row. Throws CONFLICT when production moved meanwhile.
 */
export async function moveProduction(tx: Tx, ctx: Ctx, input: MoveProductionInput): Promise<DeploymentDto> {
  const { model, from, to } = input;
  if (from?.id === to.id) throw new AppError("CONFLICT", `v${to.version} of ${model.name} is already in production.`);
  const moved = from
    ? (await tx.modelAlias.updateMany({ where: { modelId: model.id, alias: PRODUCTION, versionId: from.id }, data: { versionId: to.id, updatedAt: ctx.now } })).count
    : (await tx.modelAlias.createMany({ data: [{ modelId: model.id, alias: PRODUCTION, versionId: to.id, updatedAt: ctx.now }], skipDuplicates: true })).count;
  if (moved !== 1) {
    const expected = from ? `v${from.version}` : "no version";
    throw new AppError("CONFLICT", `Production of ${model.name} changed: it is no longer ${expected}. Reload and decide again.`);
  }
  const actor = actorLabel(ctx.actor);
  const comment = input.comment ?? "";
  const row = await tx.deployment.create({
    data: {
      modelId: model.id,
      fromVersionId: from?.id ?? null,
      toVersionId: to.id,
      reason: input.reason,
      requestId: input.requestId ?? null,
      actor,
      comment,
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  const dto: DeploymentDto = { id: row.id, fromVersion: from?.version ?? null, toVersion: to.version, reason: input.reason, actor, comment, createdAt: ctx.now.toISOString() };
  await appendAudit(tx, ctx, {
    action: input.reason === "rollback" ? "deployment.rolled_back" : "deployment.created",
    subjectType: "model",
    subjectId: model.name,
    shelfId: model.shelfId,
    before: { production: from ? `v${from.version}` : null },
    after: { production: `v${to.version}`, deploymentId: row.id, reason: input.reason, requestId: input.requestId ?? null, comment },
  });
  return dto;
}
