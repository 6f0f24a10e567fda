import "server-only";
import { evaluateGate, type CheckId } from "../../gate/evaluate";
import { approvePromotionSchema, type ApprovePromotionInput } from "../../schemas/promotions";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { moveProduction, type DeploymentDto } from "../deployments/move-production";
import { AppError, parseInput } from "../errors";
import { collectGateEvidence, evidenceSnapshot } from "./collect-evidence";
import { currentProduction, loadModelById, lockModel, policyOrEmpty } from "./model-state";
import { closeRequest, loadRequest } from "./request-rows";
import { GATE_TX } from "./run-promotion-gate";

export type DecisionDto = {
  requestId: number;
  status: "pending" | "deployed" | "rejected" | "refused" | "cancelled";
  approvals: number;
  approvalsRequired: number;
  /** False when this person had already decided: a double submit is counted once. */
  recorded: boolean;
  overridden: CheckId[];
  deployment: DeploymentDto | null;
};

/**
 * A lead approves a pending request against exactly what they saw: the candidate and the production
 * version it displaces. The gate is run again; every check that does not pass must be overridden with
 * a reason. When the last required approval lands, one transaction moves the alias (guarded on the
 * expected version), records the deployment, closes the request and writes the audit rows.
 */
export async function approvePromotion({ ctx, input }: { ctx: Ctx; input: ApprovePromotionInput }): Promise<DecisionDto> {
  const data = parseInput(approvePromotionSchema, input);
  const head = await db().promotionRequest.findUnique({ where: { id: data.requestId }, select: { modelId: true, model: { select: { shelfId: true } } } });
  if (!head) throw new AppError("NOT_FOUND", `No promotion request ${data.requestId}.`);
  requireRole(ctx, "approvePromotion", { shelfId: head.model.shelfId });
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Approvals are given by people, not by tokens or jobs.");
  const model = await loadModelById(db(), head.modelId);
  const policy = policyOrEmpty(model.policy);
  const required = Math.max(1, policy.approvalsRequired);

  return db().$transaction(async (tx) => {
    await lockModel(tx, model.id);
    const request = await loadRequest(tx, data.requestId);
    const count = () => tx.approval.count({ where: { requestId: request.id, decision: "approve" } });
    const mine = await tx.approval.findUnique({ where: { requestId_userId: { requestId: request.id, userId: actor.id } }, select: { decision: true } });
    if (mine) return { requestId: request.id, status: request.status, approvals: await count(), approvalsRequired: required, recorded: false, overridden: [], deployment: null };
    if (request.status !== "pending") throw new AppError("CONFLICT", `Promotion request ${request.id} is already ${request.status}.`);
    if (request.versionId !== data.candidateVersionId) throw new AppError("CONFLICT", `Request ${request.id} is for v${request.version.version}, not the version you approved.`);

    const production = await currentProduction(tx, model.id);
    const shown = data.expectedProductionVersionId;
    if ((production?.id ?? null) !== shown) {
      throw new AppError("CONFLICT", `Production of ${model.name} is now ${production ? `v${production.version}` : "empty"}, not what you saw. Reload and decide again.`);
    }
    if (request.expectedProductionVersionId !== (production?.id ?? null)) {
      throw new AppError("CONFLICT", `Production moved since request ${request.id} was opened (it expected v${request.expectedProductionVersion?.version ?? "—"}); ask for the promotion again.`);
    }
    if (policy.forbidSelfApproval && request.requestedByUserId === actor.id) {
      throw new AppError("FORBIDDEN", "You opened this request, and the gate policy forbids approving your own request.");
    }

    const candidate = { id: request.versionId, version: request.version.version };
    const evidence = await collectGateEvidence(tx, { modelId: model.id, candidate, production }, policy, ctx.now);
    const result = evaluateGate(policy, evidence);
    const notPassing = result.checks.filter((c) => c.verdict !== "pass");
    const missing = notPassing.filter((c) => !data.overrides.includes(c.id));
    if (missing.length > 0) {
      throw new AppError(
        "CONFLICT",
        `${missing.length === 1 ? "A check does" : `${missing.length} checks do`} not pass and ${missing.length === 1 ? "was" : "were"} not overridden: ${missing.map((c) => c.sentence).join(" ")}`,
        missing.map((c) => ({ path: `overrides.${c.id}`, message: c.sentence })),
      );
    }
    const overridden = notPassing.map((c) => c.id);

    await tx.approval.create({ data: { requestId: request.id, userId: actor.id, decision: "approve", comment: data.comment, createdAt: ctx.now }, select: { id: true } });
    await appendAudit(tx, ctx, {
      action: "promotion.approved",
      subjectType: "promotion_request",
      subjectId: request.id,
      shelfId: model.shelfId,
      after: {
        model: model.name,
        version: candidate.version,
        displaces: production ? production.version : null,
        comment: data.comment,
        overrides: notPassing.map((c) => ({ check: c.id, verdict: c.verdict, sentence: c.sentence })),
        overrideReason: overridden.length ? data.overrideReason : null,
      },
    });
    const approvals = await count();
    if (approvals < required) return { requestId: request.id, status: "pending", approvals, approvalsRequired: required, recorded: true, overridden, deployment: null };

    const comment = [data.comment, overridden.length ? `Overrode ${overridden.join(", ")}: ${data.overrideReason}` : ""].filter(Boolean).join(" — ");
    const deployment = await moveProduction(tx, ctx, { model, from: production, to: candidate, reason: "promotion", requestId: request.id, comment });
    const checks = result.checks.map((c) =>
      overridden.includes(c.id) ? { ...c, overridden: true, overriddenBy: actor.email, overrideReason: data.overrideReason } : { ...c, overridden: false },
    );
    await closeRequest(tx, ctx, { id: request.id, shelfId: model.shelfId }, "deployed", { checks, evidence: evidenceSnapshot(evidence) });
    return { requestId: request.id, status: "deployed", approvals, approvalsRequired: required, recorded: true, overridden, deployment };
  }, GATE_TX);
}
