import "server-only";
import { updateGatePolicySchema, type UpdateGatePolicyInput } from "../../schemas/promotions";
import { appendAudit } from "../audit";
import { actorLabel, requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { GATE_POLICY_RULES } from "../promotions/model-state";

const POLICY_FIELDS = { ...GATE_POLICY_RULES, updatedAt: true } as const;

/**
 * An admin edits a model's gate policy. The form carries the version of the policy it was filled
 * from (`expectedUpdatedAt`); an edit over someone else's newer one is a conflict, not a silent overwrite.
 */
export async function updateGatePolicy({ ctx, input }: { ctx: Ctx; input: UpdateGatePolicyInput }): Promise<{ model: string; updatedAt: string }> {
  requireRole(ctx, "manageSettings");
  const { model: name, expectedUpdatedAt, ...policy } = parseInput(updateGatePolicySchema, input);
  const model = await db().model.findUnique({ where: { name }, select: { id: true, shelfId: true } });
  if (!model) throw new AppError("NOT_FOUND", `No model "${name}".`);
  const stamp = { updatedAt: ctx.now, updatedBy: actorLabel(ctx.actor) };

  return db().$transaction(async (tx) => {
    const before = await tx.gatePolicy.findUnique({ where: { modelId: model.id }, select: POLICY_FIELDS });
    const stale = () => new AppError("CONFLICT", `The gate policy of ${name} was changed by someone else since you opened it. Reload and edit again.`);
    if (before) {
      if (expectedUpdatedAt === null) throw stale();
      const { count } = await tx.gatePolicy.updateMany({ where: { modelId: model.id, updatedAt: new Date(expectedUpdatedAt) }, data: { ...policy, ...stamp } });
      if (count !== 1) throw stale();
    } else {
      const { count } = await tx.gatePolicy.createMany({ data: [{ modelId: model.id, ...policy, ...stamp }], skipDuplicates: true });
      if (count !== 1) throw stale();
    }
    const { updatedAt: _previous, ...beforeFields } = before ?? { updatedAt: null };
    await appendAudit(tx, ctx, {
      action: "gate_policy.updated",
      subjectType: "gate_policy",
      subjectId: name,
      shelfId: model.shelfId,
      before: before ? beforeFields : null,
      after: policy,
    });
    return { model: name, updatedAt: ctx.now.toISOString() };
  });
}
