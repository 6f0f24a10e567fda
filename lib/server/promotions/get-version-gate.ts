import "server-only";
import { evaluateGate, type GateCheck } from "../../gate/evaluate";
import { shelfVersionSchema } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { revisionCache } from "../models/revision-cache";
import { getShelf, shelfModel } from "../shelves/get-shelf";
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

// What the gate says of a version is the same for every viewer: kept while the model's revision stands
// (scores, policy, production, requests, deployments, validation reports and reviews all move it) and
// for the UTC day (the skew check counts days back from today).
const judged = revisionCache<Awaited<ReturnType<typeof judgeVersion>>>(200);

async function judgeVersion(modelId: number, number: number, now: Date) {
  const model = await loadModelById(db(), modelId);
  const version = await loadVersion(db(), model, number);
  const policy = policyOrEmpty(model.policy);
  const production = model.production;
  const [evidence, pending, rolledBack] = await Promise.all([
    collectGateEvidence(db(), { modelId: model.id, candidate: version, production }, policy, now),
    findPending(db(), model.id),
    rollbackBlock(db(), model.id, version.id),
  ]);
  return { model, version, policy, production, result: evaluateGate(policy, evidence), pending, rolledBack };
}

/** The gate as it stands for one version of a shelf's model: checks now, the pending request, what the viewer may do. */
export async function getVersionGate({ ctx, input }: { ctx: Ctx; input: { slug: string; version: number | string } }): Promise<VersionGateDto> {
  requireRole(ctx, "read");
  const data = parseInput(shelfVersionSchema, input);
  const ref = shelfModel(await getShelf({ ctx, input: { slug: data.slug } }));
  if (!ref) throw new AppError("NOT_FOUND", `Shelf "${data.slug}" has no model.`);
  const day = ctx.now.toISOString().slice(0, 10);
  const { model, version, policy, production, result, pending, rolledBack } = await judged(ref, [data.version, day], () => judgeVersion(ref.id, data.version, ctx.now));
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
