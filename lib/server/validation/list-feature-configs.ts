import "server-only";
import { listFeatureConfigsSchema, type ComparatorName } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { defaultFeatureConfig } from "./feature-config";

export type FeatureConfigDto = {
  feature: string;
  /** From the model's newest profile; null for a configured feature no profile holds. */
  type: "numeric" | "categorical" | null;
  comparator: ComparatorName;
  skewThreshold: number;
  driftThreshold: number;
  /** False: the documented defaults apply (no row yet). */
  configured: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

export type ModelFeatureConfigsDto = { model: string; shelf: { slug: string; title: string }; features: FeatureConfigDto[] };

/** Each model's features with their comparator and thresholds: configured ones, and the defaults of features seen in profiles. */
export async function listFeatureConfigs({ ctx, input = {} }: { ctx: Ctx; input?: { model?: string } }): Promise<ModelFeatureConfigsDto[]> {
  requireRole(ctx, "read");
  const data = parseInput(listFeatureConfigsSchema, input);
  const models = await db().model.findMany({
    where: data.model ? { name: data.model } : {},
    orderBy: [{ shelf: { position: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      shelf: { select: { slug: true, title: true } },
      featureConfigs: { select: { feature: true, comparator: true, skewThreshold: true, driftThreshold: true, updatedAt: true, updatedBy: true } },
      featureStatistics: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { features: { select: { name: true, type: true } } } },
    },
  });
  return models.map((m) => {
    const types = new Map((m.featureStatistics[0]?.features ?? []).map((f) => [f.name, f.type]));
    const configured = new Map(m.featureConfigs.map((c) => [c.feature, c]));
    const names = [...new Set([...types.keys(), ...configured.keys()])].sort();
    return {
      model: m.name,
      shelf: m.shelf,
      features: names.map((name) => {
        const c = configured.get(name);
        const type = types.get(name) ?? null;
        const base = c ?? defaultFeatureConfig(name, type ?? "numeric");
        return {
          feature: name,
          type,
          comparator: base.comparator,
          skewThreshold: base.skewThreshold,
          driftThreshold: base.driftThreshold,
          configured: c !== undefined,
          updatedAt: c?.updatedAt.toISOString() ?? null,
          updatedBy: c?.updatedBy ?? null,
        };
      }),
    };
  });
}
