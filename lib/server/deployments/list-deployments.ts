import "server-only";
import { listDeploymentsSchema } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { loadModel } from "../promotions/model-state";
import { holds } from "../promotions/viewer-rights";

export type TimelineEntry = {
  id: number;
  fromVersion: number | null;
  toVersion: number;
  reason: "initial" | "promotion" | "automatic_push" | "rollback";
  actor: string;
  comment: string;
  requestId: number | null;
  createdAt: string;
};

export type DeploymentTimelineDto = {
  model: string;
  production: { id: number; version: number } | null;
  /** The version before production, where a one-click rollback goes. */
  previous: number | null;
  /** Versions that were in production before (newest first): where a rollback may go. */
  rollbackTargets: number[];
  entries: TimelineEntry[];
  total: number;
  canRollback: boolean;
};

/** A model's deployment log, newest first, with where a rollback could go and whether the viewer may do it. */
export async function listDeployments({ ctx, input }: { ctx: Ctx; input: { model: string; limit?: number } }): Promise<DeploymentTimelineDto> {
  requireRole(ctx, "read");
  const data = parseInput(listDeploymentsSchema, input);
  const model = await loadModel(db(), data.model);
  const [rows, total, targets] = await Promise.all([
    db().deployment.findMany({
      where: { modelId: model.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: data.limit,
      select: { id: true, reason: true, actor: true, comment: true, requestId: true, createdAt: true, fromVersion: { select: { version: true } }, toVersion: { select: { version: true } } },
    }),
    db().deployment.count({ where: { modelId: model.id } }),
    db().deployment.findMany({
      where: { modelId: model.id, ...(model.production ? { toVersionId: { not: model.production.id } } : {}) },
      distinct: ["toVersionId"],
      orderBy: [{ toVersionId: "desc" }],
      take: 50,
      select: { toVersion: { select: { version: true } } },
    }),
  ]);
  const current = rows.find((r) => model.production && r.toVersion.version === model.production.version);
  return {
    model: model.name,
    production: model.production,
    previous: current?.fromVersion?.version ?? null,
    rollbackTargets: targets.map((t) => t.toVersion.version).sort((a, b) => b - a),
    entries: rows.map((r) => ({
      id: r.id,
      fromVersion: r.fromVersion?.version ?? null,
      toVersion: r.toVersion.version,
      reason: r.reason,
      actor: r.actor,
      comment: r.comment,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    canRollback: model.production !== null && holds(ctx, "rollback", model.shelfId),
  };
}
