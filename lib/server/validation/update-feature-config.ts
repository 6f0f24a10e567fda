import "server-only";
import { COMPARATORS_BY_TYPE, COMPARATOR_LABELS, updateFeatureConfigSchema, type UpdateFeatureConfigInput } from "../../schemas/validation";
import { appendAudit } from "../audit";
import { actorLabel, requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { lockModelReports } from "./compute-reports";
import { recomputeFeature, type RecomputeResultDto } from "./recompute-feature";

export type UpdatedFeatureConfigDto = { model: string; feature: string; updatedAt: string; changed: boolean; recomputed: RecomputeResultDto | null };

/**
 * An engineer sets a feature's comparator and skew and drift thresholds. The edit is made against the
 * row the form was filled from (a concurrent edit is a conflict, not an overwrite), and every report of
 * the model is recomputed for that feature in the same transaction, so no page shows a stale verdict.
 */
export async function updateFeatureConfig({ ctx, input }: { ctx: Ctx; input: UpdateFeatureConfigInput }): Promise<UpdatedFeatureConfigDto> {
  requireRole(ctx, "editThresholds");
  const { model: name, expectedUpdatedAt, ...config } = parseInput(updateFeatureConfigSchema, input);
  const model = await findModel(ctx, name, "editThresholds");
  const seen = await db().featureProfile.findFirst({ where: { name: config.feature, statistics: { modelId: model.id } }, orderBy: { id: "desc" }, select: { type: true } });
  if (seen && !(COMPARATORS_BY_TYPE[seen.type] as readonly string[]).includes(config.comparator)) {
    throw new AppError("INVALID_REQUEST", `${COMPARATOR_LABELS[config.comparator]} does not apply to the ${seen.type} feature ${config.feature}.`, [{ path: "comparator", message: `not for ${seen.type} features` }]);
  }
  const stamp = { updatedAt: ctx.now, updatedBy: actorLabel(ctx.actor) };
  return db().$transaction(
    async (tx) => {
      await lockModelReports(tx, model.id);
      const where = { modelId_feature: { modelId: model.id, feature: config.feature } };
      const before = await tx.featureConfig.findUnique({ where, select: { comparator: true, skewThreshold: true, driftThreshold: true, updatedAt: true } });
      const stale = () => new AppError("CONFLICT", `The thresholds of ${config.feature} were changed by someone else since you opened them. Reload and edit again.`);
      if (before) {
        if (expectedUpdatedAt === null || before.updatedAt.getTime() !== new Date(expectedUpdatedAt).getTime()) throw stale();
        const same = before.comparator === config.comparator && before.skewThreshold === config.skewThreshold && before.driftThreshold === config.driftThreshold;
        if (same) return { model: model.name, feature: config.feature, updatedAt: before.updatedAt.toISOString(), changed: false, recomputed: null };
        const { count } = await tx.featureConfig.updateMany({ where: { modelId: model.id, feature: config.feature, updatedAt: before.updatedAt }, data: { ...config, ...stamp } });
        if (count !== 1) throw stale();
      } else {
        if (expectedUpdatedAt !== null) throw stale();
        const { count } = await tx.featureConfig.createMany({ data: [{ modelId: model.id, ...config, ...stamp }], skipDuplicates: true });
        if (count !== 1) throw stale();
      }
      const recomputed = await recomputeFeature(tx, { modelId: model.id, config });
      const { updatedAt: _at, ...previous } = before ?? { updatedAt: null };
      await appendAudit(tx, ctx, {
        action: "feature_config.updated",
        subjectType: "feature_config",
        subjectId: `${model.name}:${config.feature}`,
        shelfId: model.shelfId,
        before: before ? previous : null,
        after: { ...config, recomputed },
      });
      return { model: model.name, feature: config.feature, updatedAt: ctx.now.toISOString(), changed: true, recomputed };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
