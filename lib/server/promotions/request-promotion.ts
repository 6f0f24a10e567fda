import "server-only";
import { requestPromotionSchema, type RequestPromotionInput } from "../../schemas/promotions";
import type { Ctx } from "../context";
import { db } from "../db";
import { moveProduction } from "../deployments/move-production";
import { AppError, parseInput } from "../errors";
import { judgeCandidate, loadCandidate } from "./judge-candidate";
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
  const subject = await loadCandidate(ctx, data.model, data.version);
  const { model, candidate } = subject;

  return db().$transaction(async (tx) => {
    const { production, evidence, result, base } = await judgeCandidate(tx, ctx, subject);
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
