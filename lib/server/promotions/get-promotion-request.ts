import "server-only";
import { evaluateGate, type GateCheck, type GatePolicy } from "../../gate/evaluate";
import { promotionIdSchema } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { collectEvidenceDetails, collectGateEvidence, type EvidenceDetails } from "./collect-evidence";
import { loadModelById, policyOrEmpty } from "./model-state";
import { loadRequest, toSummary, type RequestSummaryDto } from "./request-rows";
import { decideRights, type DecideRights } from "./viewer-rights";

export type ShownCheck = GateCheck & { overridden?: boolean; overriddenBy?: string; overrideReason?: string };

export type PromotionRequestDto = {
  request: RequestSummaryDto;
  shelf: { slug: string; title: string };
  policy: GatePolicy;
  candidate: { id: number; version: number; trainedAt: string };
  /** Production now; for a decided request, the version it displaced. */
  production: { id: number; version: number } | null;
  /** Live checks while pending (what an approval will be judged on), the stored ones once decided. */
  checks: ShownCheck[];
  passed: boolean;
  details: EvidenceDetails;
  /** Production moved since the request was opened: it can no longer be approved. */
  stale: boolean;
  rights: DecideRights;
};

/** One promotion request with everything a lead needs to decide it on one page. */
export async function getPromotionRequest({ ctx, input }: { ctx: Ctx; input: { id: number } }): Promise<PromotionRequestDto> {
  requireRole(ctx, "read");
  const { id } = parseInput(promotionIdSchema, input);
  const row = await loadRequest(db(), id);
  const [model, version] = await Promise.all([
    loadModelById(db(), row.modelId),
    db().modelVersion.findUniqueOrThrow({ where: { id: row.versionId }, select: { id: true, version: true, trainedAt: true } }),
  ]);
  const policy = policyOrEmpty(model.policy);
  const pending = row.status === "pending";
  const production = pending
    ? model.production
    : row.expectedProductionVersionId !== null && row.expectedProductionVersion
      ? { id: row.expectedProductionVersionId, version: row.expectedProductionVersion.version }
      : null;
  const candidate = { id: version.id, version: version.version };
  const evidence = await collectGateEvidence(db(), { modelId: model.id, candidate, production }, policy, ctx.now);
  const live = evaluateGate(policy, evidence);
  const stored = Array.isArray(row.checks) ? (row.checks as unknown as ShownCheck[]) : [];
  const checks = pending ? live.checks : stored;
  const details = await collectEvidenceDetails(db(), { modelId: model.id, candidate, production }, policy, evidence, ctx.now);
  return {
    request: toSummary(row),
    shelf: { slug: model.shelfSlug, title: model.shelfTitle },
    policy,
    candidate: { ...candidate, trainedAt: version.trainedAt.toISOString() },
    production,
    checks,
    passed: pending ? live.passed : checks.length > 0 && checks.every((c) => c.verdict === "pass"),
    details,
    stale: pending && row.expectedProductionVersionId !== (model.production?.id ?? null),
    rights: decideRights(ctx, model.shelfId, row, policy.forbidSelfApproval),
  };
}
