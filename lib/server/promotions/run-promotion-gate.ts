import "server-only";
import type { GateCheck } from "../../gate/evaluate";
import { runGateSchema, type RunGateInput } from "../../schemas/promotions";
import type { Ctx } from "../context";
import { db } from "../db";
import { moveProduction, type DeploymentDto } from "../deployments/move-production";
import { parseInput } from "../errors";
import { judgeCandidate, loadCandidate } from "./judge-candidate";
import { closeRequest, createRequest, loadRequest, rollbackBlock, toSummary, type RequestSummaryDto } from "./request-rows";
import { supersedePending } from "./supersede-pending";

export type GateOutcomeDto = {
  outcome: "deployed" | "pending_approval" | "refused";
  model: string;
  version: number;
  passed: boolean;
  checks: GateCheck[];
  /** Why the version did not go live by itself, in sentences. */
  reasons: string[];
  request: RequestSummaryDto | null;
  deployment: DeploymentDto | null;
};

export const GATE_TX = { timeout: 30_000, maxWait: 30_000 };

/**
 * The pipeline gate: runs the model's policy for one version and either pushes it (no approval
 * required, every check passing), opens a request for a lead (or returns the one already open), or
 * refuses it with the checks that failed. A rolled-back version is never pushed again by the gate.
 */
export async function runPromotionGate({ ctx, input }: { ctx: Ctx; input: RunGateInput }): Promise<GateOutcomeDto> {
  const data = parseInput(runGateSchema, input);
  const subject = await loadCandidate(ctx, data.model, data.version);
  const { model, candidate, policy } = subject;

  return db().$transaction(async (tx) => {
    const { production, evidence, result, base } = await judgeCandidate(tx, ctx, subject);

    const existing = await supersedePending(tx, ctx, model, candidate, production);
    if (existing) {
      return { ...base, outcome: "pending_approval", reasons: waitingReasons(result.checks, policy.approvalsRequired), request: toSummary(existing), deployment: null };
    }

    const blocked = await rollbackBlock(tx, model.id, candidate.id);
    const reasons = result.checks.filter((c) => c.verdict !== "pass").map((c) => c.sentence);
    if (result.checks.length === 0) reasons.push("The gate policy enables no rule, so nothing can pass it.");
    if (blocked) reasons.unshift(`v${candidate.version} was rolled back on ${blocked.at.slice(0, 10)} by ${blocked.by}; only a person's explicit request can bring it back.`);
    if (!result.passed || blocked) {
      const id = await createRequest(tx, ctx, { model, candidate, production, status: "refused", reason: data.reason || "Refused by the gate.", evidence, checks: result.checks });
      return { ...base, outcome: "refused", reasons, request: toSummary(await loadRequest(tx, id)), deployment: null };
    }

    if (result.autoPushAllowed) {
      const id = await createRequest(tx, ctx, { model, candidate, production, status: "pending", reason: data.reason || "Automatic push: every check passed.", evidence, checks: result.checks });
      const deployment = await moveProduction(tx, ctx, { model, from: production, to: candidate, reason: "automatic_push", requestId: id, comment: data.reason });
      await closeRequest(tx, ctx, { id, shelfId: model.shelfId }, "deployed");
      return { ...base, outcome: "deployed", reasons: [], request: toSummary(await loadRequest(tx, id)), deployment };
    }

    const id = await createRequest(tx, ctx, { model, candidate, production, status: "pending", reason: data.reason || "Every check passed; waiting for approval.", evidence, checks: result.checks });
    return { ...base, outcome: "pending_approval", reasons: waitingReasons(result.checks, policy.approvalsRequired), request: toSummary(await loadRequest(tx, id)), deployment: null };
  }, GATE_TX);
}

function waitingReasons(checks: GateCheck[], approvalsRequired: number): string[] {
  const failing = checks.filter((c) => c.verdict !== "pass").map((c) => c.sentence);
  const need = Math.max(1, approvalsRequired);
  return [...failing, `The policy requires ${need} approval${need === 1 ? "" : "s"} by a lead of the shelf.`];
}
