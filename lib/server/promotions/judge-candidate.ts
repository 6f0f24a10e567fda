import "server-only";
import { evaluateGate, type GatePolicy } from "../../gate/evaluate";
import { requireRole, type Ctx } from "../context";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { collectGateEvidence } from "./collect-evidence";
import { currentProduction, loadModel, loadVersion, lockModel, policyOrEmpty, type ModelState } from "./model-state";

// The first steps shared by the pipeline gate and a person's explicit request: find the candidate,
// then, inside the caller's transaction and under the model's lock, judge it against production now.

export type Candidate = { model: ModelState; candidate: { id: number; version: number }; policy: GatePolicy };

/** The model and version a promotion is about, once the caller may ask for one on its shelf. */
export async function loadCandidate(ctx: Ctx, modelName: string, version: number): Promise<Candidate> {
  const model = await loadModel(db(), modelName);
  requireRole(ctx, "requestPromotion", { shelfId: model.shelfId });
  const candidate = await loadVersion(db(), model, version);
  return { model, candidate, policy: policyOrEmpty(model.policy) };
}

/** Takes the model's lock, reads production as it is now (a candidate already live is a conflict), and runs the gate. */
export async function judgeCandidate(tx: Tx, ctx: Ctx, { model, candidate, policy }: Candidate) {
  await lockModel(tx, model.id);
  const production = await currentProduction(tx, model.id);
  if (production?.id === candidate.id) throw new AppError("CONFLICT", `v${candidate.version} of ${model.name} is already in production.`);
  const evidence = await collectGateEvidence(tx, { modelId: model.id, candidate, production }, policy, ctx.now);
  const result = evaluateGate(policy, evidence);
  const base = { model: model.name, version: candidate.version, passed: result.passed, checks: result.checks };
  return { production, evidence, result, base };
}
