import "server-only";
import { rollbackSchema, type RollbackInput } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { currentProduction, loadModel, loadVersion, lockModel } from "../promotions/model-state";
import { closeRequest, findPending } from "../promotions/request-rows";
import { GATE_TX } from "../promotions/run-promotion-gate";
import { moveProduction, type DeploymentDto } from "./move-production";

/**
 * A lead of the shelf puts back the previous production version, or a chosen one that was in
 * production before. It is a deployment like any other (reason rollback), guarded on the version the
 * lead saw in production; the gate will not push the rolled-back version again by itself.
 */
export async function rollbackProduction({ ctx, input }: { ctx: Ctx; input: RollbackInput }): Promise<DeploymentDto> {
  const data = parseInput(rollbackSchema, input);
  const model = await loadModel(db(), data.model);
  requireRole(ctx, "rollback", { shelfId: model.shelfId });
  if (ctx.actor.kind === "token") throw new AppError("FORBIDDEN", "Rollbacks are made by people.");

  return db().$transaction(async (tx) => {
    await lockModel(tx, model.id);
    const production = await currentProduction(tx, model.id);
    if (!production) throw new AppError("CONFLICT", `${model.name} has nothing in production to roll back.`);
    if (production.id !== data.expectedProductionVersionId) {
      throw new AppError("CONFLICT", `Production of ${model.name} is now v${production.version}, not what you saw. Reload and decide again.`);
    }

    let target: { id: number; version: number };
    if (data.toVersion === null) {
      const last = await tx.deployment.findFirst({
        where: { modelId: model.id, toVersionId: production.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { fromVersion: { select: { id: true, version: true } } },
      });
      if (!last?.fromVersion) throw new AppError("CONFLICT", `v${production.version} has no previous production version to go back to.`);
      target = last.fromVersion;
    } else {
      target = await loadVersion(tx, model, data.toVersion);
      if (target.id === production.id) throw new AppError("INVALID_REQUEST", `v${target.version} is already in production.`, [{ path: "toVersion", message: "already in production" }]);
      const wasLive = await tx.deployment.count({ where: { modelId: model.id, toVersionId: target.id } });
      if (wasLive === 0) throw new AppError("INVALID_REQUEST", `v${target.version} was never in production; promote it instead.`, [{ path: "toVersion", message: "never in production" }]);
    }

    // A request waiting to displace the version being removed would now displace the wrong one.
    const pending = await findPending(tx, model.id);
    if (pending && pending.expectedProductionVersionId === production.id) {
      await closeRequest(tx, ctx, { id: pending.id, shelfId: model.shelfId }, "cancelled", { note: `Production was rolled back from v${production.version} to v${target.version}.` });
    }
    return moveProduction(tx, ctx, { model, from: production, to: target, reason: "rollback", comment: data.reason });
  }, GATE_TX);
}
