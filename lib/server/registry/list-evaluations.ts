import "server-only";
import { listEvaluationsSchema, type ListEvaluationsInput } from "../../schemas/registry";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel, findVersionId } from "../models/find-model";

export type EvaluationDto = { metric: string; dataset: string; value: number; recordedAt: string };

/** The scores of one version, optionally of one metric or dataset, by metric then dataset. */
export async function listEvaluations({ ctx, input }: { ctx: Ctx; input: ListEvaluationsInput }): Promise<{ model: string; version: number; evaluations: EvaluationDto[] }> {
  requireRole(ctx, "read");
  const data = parseInput(listEvaluationsSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const versionId = await findVersionId(db(), model, data.version);
  const rows = await db().evaluation.findMany({
    where: { versionId, ...(data.metric !== undefined ? { metric: data.metric } : {}), ...(data.dataset !== undefined ? { dataset: data.dataset } : {}) },
    orderBy: [{ metric: "asc" }, { dataset: "asc" }],
    select: { metric: true, dataset: true, value: true, createdAt: true },
  });
  return { model: model.name, version: data.version, evaluations: rows.map((r) => ({ metric: r.metric, dataset: r.dataset, value: r.value, recordedAt: r.createdAt.toISOString() })) };
}
