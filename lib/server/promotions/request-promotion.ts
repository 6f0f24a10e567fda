import "server-only";
import { evaluateGate } from "../../gate/evaluate";
import { requestPromotionSchema, type RequestPromotionInput } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { moveProduction } from "../deployments/move-production";
import { AppError, parseInput } from "../errors";
import { collectGateEvidence } from "./collect-evidence";
import { currentProduction, loadModel, loadVersion, lockModel, policyOrEmpty } from "./model-state";
import { closeRequest, createRequest, loadRequest, toSummary } from "./request-rows";
import { GATE_TX, type GateOutcomeDto } from "./run-promotion-gate";
import { supersedePending } from "./supersede-pending";

/**
 * A person asks for a version to go live. Unlike the pipeline gate, failing checks do not refuse the
 * request: it waits for a lead, who sees them and must override each one to approve. A rolled-back
 * version may be asked for again this way. With no approval required and every check passing, the
 * version goes live at once.
 */
export async function requestPromotion({ ctx, input }: { ctx: Ctx; input: RequestPromotionInput }): Promise<GateOutcomeDto> {
  if (ctx.actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a person can request a promotion explicitly; pipelines use the gate.");
  const data = parseInput(requestPromotionSchema, input);
  const model = await loadModel(db(), data.model);
  requireRole(ctx, "requestPromotion", { shelfId: model.shelfId });
  const candidate = await loadVersion(db(), model, data.version);
  const policy = policyOrEmpty(model.policy);

  return db().$transaction(async (tx) => {
    await lockModel(tx, model.id);
    const production = await currentProduction(tx, model.id);
    if (production?.id === candidate.id) throw new AppError("CONFLICT", `v${candidate.version} of ${model.name} is already in production.`);
    const evidence = await collectGateEvidence(tx, { modelId: model.id, candidate, production }, policy, ctx.now);
    const result = evaluateGate(policy, evidence);
    const base = { model: model.name, version: candidate.version, passed: result.passed, checks: result.checks };
    const notPassing = result.checks.filter((c) => c.verdict !== "pass").map((c) => c.sentence);

    const existing = await supersedePending(tx, ctx, model, candidate, production);
    if (existing) return { ...base, outcome: "pending_approval", reasons: notPassing, request: toSummary(existing), deployment: null };

    if (result.autoPushAllowed) {
      const id = await createRequest(tx, ctx, { model, candidate, production, status: "pending", reason: data.reason, evidence, checks: result.checks });
      const deployment = await moveProduction(tx, ctx, { model, from: production, to: candidate, reason: "promotion", requestId: id, comment: data.reason });
      await closeRequest(tx, ctx, { id, shelfId: model.shelfId }, "deployed");
      return { ...base, outcome: "deployed", reasons: [], request: toSummary(await loadRequest(tx, id)), deployment };
    }
    const id = await createRequest(tx, ctx, { model, candidate, production, status: "pending", reason: data.reason, evidence, checks: result.checks });
    return { ...base, outcome: "pending_approval", reasons: notPassing, request: toSummary(await loadRequest(tx, id)), deployment: null };
  }, GATE_TX);
}
