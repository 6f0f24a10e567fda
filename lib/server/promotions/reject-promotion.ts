import "server-only";
import { rejectPromotionSchema, type RejectPromotionInput } from "../../schemas/promotions";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { loadModelById, lockModel, policyOrEmpty } from "./model-state";
import { closeRequest, loadRequest } from "./request-rows";
import { GATE_TX } from "./run-promotion-gate";
import type { DecisionDto } from "./approve-promotion";

/** A lead of the shelf rejects a pending request with a comment; one rejection closes it. Idempotent per person. */
export async function rejectPromotion({ ctx, input }: { ctx: Ctx; input: RejectPromotionInput }): Promise<DecisionDto> {
  const data = parseInput(rejectPromotionSchema, input);
  const head = await db().promotionRequest.findUnique({ where: { id: data.requestId }, select: { modelId: true, model: { select: { shelfId: true } } } });
  if (!head) throw new AppError("NOT_FOUND", `No promotion request ${data.requestId}.`);
  requireRole(ctx, "approvePromotion", { shelfId: head.model.shelfId });
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Requests are rejected by people, not by tokens or jobs.");
  const model = await loadModelById(db(), head.modelId);
  const required = Math.max(1, policyOrEmpty(model.policy).approvalsRequired);

  return db().$transaction(async (tx) => {
    await lockModel(tx, model.id);
    const request = await loadRequest(tx, data.requestId);
    const approvals = () => tx.approval.count({ where: { requestId: request.id, decision: "approve" } });
    const mine = await tx.approval.findUnique({ where: { requestId_userId: { requestId: request.id, userId: actor.id } }, select: { id: true } });
    if (mine) return { requestId: request.id, status: request.status, approvals: await approvals(), approvalsRequired: required, recorded: false, overridden: [], deployment: null };
    if (request.status !== "pending") throw new AppError("CONFLICT", `Promotion request ${request.id} is already ${request.status}.`);
    if (request.versionId !== data.candidateVersionId) throw new AppError("CONFLICT", `Request ${request.id} is for v${request.version.version}, not the version you rejected.`);

    await tx.approval.create({ data: { requestId: request.id, userId: actor.id, decision: "reject", comment: data.comment, createdAt: ctx.now }, select: { id: true } });
    await appendAudit(tx, ctx, {
      action: "promotion.rejection_recorded",
      subjectType: "promotion_request",
      subjectId: request.id,
      shelfId: model.shelfId,
      after: { model: model.name, version: request.version.version, comment: data.comment },
    });
    await closeRequest(tx, ctx, { id: request.id, shelfId: model.shelfId }, "rejected", { note: data.comment });
    return { requestId: request.id, status: "rejected", approvals: await approvals(), approvalsRequired: required, recorded: true, overridden: [], deployment: null };
  }, GATE_TX);
}
