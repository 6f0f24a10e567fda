import "server-only";
import { evaluateGate, type GateCheck } from "../../gate/evaluate";
import { shelfVersionSchema } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { getShelf } from "../shelves/get-shelf";
import { collectGateEvidence } from "./collect-evidence";
import { loadModelById, loadVersion, policyOrEmpty } from "./model-state";
import { findPending, rollbackBlock, toSummary, type RequestSummaryDto } from "./request-rows";
import { decideRights, holds, type DecideRights } from "./viewer-rights";

export type VersionGateDto = {
  model: string;
  shelfSlug: string;
  version: { id: number; version: number };
  production: { id: number; version: number } | null;
  isProduction: boolean;
  checks: GateCheck[];
  passed: boolean;
  approvalsRequired: number;
  /** The model's pending request, whether for this version or another. */
  pending: RequestSummaryDto | null;
  rolledBack: { at: string; by: string; comment: string } | null;
  canRequest: boolean;
  rights: DecideRights | null;
};

/** The gate as it stands for one version of a shelf's model: checks now, the pending request, what the viewer may do. */
export async function getVersionGate({ ctx, input }: { ctx: Ctx; input: { slug: string; version: number | string } }): Promise<VersionGateDto> {
  requireRole(ctx, "read");
  const data = parseInput(shelfVersionSchema, input);
  const shelf = await getShelf({ ctx, input: { slug: data.slug } });
  if (shelf.modelId === null) throw new AppError("NOT_FOUND", `Shelf "${data.slug}" has no model.`);
  const model = await loadModelById(db(), shelf.modelId);
  const version = await loadVersion(db(), model, data.version);
  const policy = policyOrEmpty(model.policy);
  const production = model.production;
  const [evidence, pending, rolledBack] = await Promise.all([
    collectGateEvidence(db(), { modelId: model.id, candidate: version, production }, policy, ctx.now),
    findPending(db(), model.id),
    rollbackBlock(db(), model.id, version.id),
  ]);
  const result = evaluateGate(policy, evidence);
  const isProduction = production?.id === version.id;
  const ownPending = pending?.versionId === version.id ? pending : null;
  return {
    model: model.name,
    shelfSlug: model.shelfSlug,
    version,
    production,
    isProduction,
    checks: result.checks,
    passed: result.passed,
    approvalsRequired: policy.approvalsRequired,
    pending: pending ? toSummary(pending) : null,
    rolledBack,
    canRequest: !isProduction && !ownPending && ctx.actor.kind === "user" && holds(ctx, "requestPromotion", model.shelfId),
    rights: ownPending ? decideRights(ctx, model.shelfId, ownPending, policy.forbidSelfApproval) : null,
  };
}
