import "server-only";
import { listDeploymentsSchema } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { parseInput } from "../errors";
import { findModel, type ModelRef } from "../models/find-model";
import { revisionCache } from "../models/revision-cache";
import { holds } from "../promotions/viewer-rights";
import { deploymentEvents, modelState } from "../registry/registry-reads";

// Rollback goes to a version that served before: the most recent ones are offered.
const ROLLBACK_TARGETS = 50;

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
  const model = await findModel(ctx, data.model, "read");
  const timeline = await timelines(model, [data.limit], () => readTimeline(model, data.limit));
  return {
    ...timeline,
    canRollback: timeline.production !== null && holds(ctx, "rollback", model.shelfId),
  };
}

// The timeline is the same for every viewer until the model's registry rows change; only the rollback
// right is the viewer's own.
const timelines = revisionCache<Omit<DeploymentTimelineDto, "canRollback">>(100);

async function readTimeline(model: ModelRef, limit: number): Promise<Omit<DeploymentTimelineDto, "canRollback">> {
  const [{ production }, log] = await Promise.all([modelState(model), deploymentEvents(model)]);
  const newestFirst = [...log].reverse();
  const current = production ? newestFirst.find((d) => d.toVersion === production.version) : undefined;
  const targets = new Set(newestFirst.map((d) => d.toVersion).filter((v) => v !== production?.version));
  return {
    model: model.name,
    production,
    previous: current?.fromVersion ?? null,
    rollbackTargets: [...targets].sort((a, b) => b - a).slice(0, ROLLBACK_TARGETS),
    entries: newestFirst.slice(0, limit).map((d) => ({
      id: d.id,
      fromVersion: d.fromVersion,
      toVersion: d.toVersion,
      reason: d.reason as TimelineEntry["reason"],
      actor: d.actor,
      comment: d.comment,
      requestId: d.requestId,
      createdAt: new Date(d.at).toISOString(),
    })),
    total: log.length,
  };
}
