"use server";

import { revalidatePath } from "next/cache";
import type { CheckId } from "../../gate/evaluate";
import { getSessionCtx } from "../auth/session";
import { rollbackProduction } from "../deployments/rollback-production";
import { AppError } from "../errors";
import { approvePromotion } from "../promotions/approve-promotion";
import { rejectPromotion } from "../promotions/reject-promotion";
import { requestPromotion } from "../promotions/request-promotion";
import { actionError, type ActionResult } from "./action-result";

// Server Actions are public endpoints: each re-reads the session, and the data layer re-authorizes
// and re-checks everything the form claims (candidate, displaced version, overrides).
async function ctxOrThrow() {
  const ctx = await getSessionCtx();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
  return ctx;
}

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const int = (formData: FormData, name: string) => Number(text(formData, name));
const intOrNull = (formData: FormData, name: string) => (text(formData, name) === "" ? null : int(formData, name));

export type PromotionActionData = { message: string; status?: string };

/** Production moved: every page that shows it (Home, shelves, promotions) is stale. */
function revalidateProduction() {
  revalidatePath("/", "layout");
}

/** A person asks for a version to go live. */
export async function requestPromotionAction(_prev: ActionResult<PromotionActionData> | null, formData: FormData): Promise<ActionResult<PromotionActionData>> {
  try {
    const result = await requestPromotion({ ctx: await ctxOrThrow(), input: { model: text(formData, "model"), version: int(formData, "version"), reason: text(formData, "reason") } });
    revalidateProduction();
    const message = result.outcome === "deployed" ? `v${result.version} is now in production.` : `Request ${result.request?.id} opened for v${result.version}; it waits for a lead.`;
    return { ok: true, data: { message, status: result.outcome } };
  } catch (error) {
    return actionError(error);
  }
}

/** A lead approves, against the candidate and the production version the form showed. */
export async function approvePromotionAction(_prev: ActionResult<PromotionActionData> | null, formData: FormData): Promise<ActionResult<PromotionActionData>> {
  try {
    const result = await approvePromotion({
      ctx: await ctxOrThrow(),
      input: {
        requestId: int(formData, "requestId"),
        candidateVersionId: int(formData, "candidateVersionId"),
        expectedProductionVersionId: intOrNull(formData, "expectedProductionVersionId"),
        comment: text(formData, "comment"),
        overrides: formData.getAll("overrides").map(String) as CheckId[],
        overrideReason: text(formData, "overrideReason"),
      },
    });
    revalidateProduction();
    const message = !result.recorded
      ? "Your decision on this request was already recorded."
      : result.status === "deployed"
        ? `Approved: v${result.deployment?.toVersion} is now in production.`
        : `Approval recorded (${result.approvals} of ${result.approvalsRequired}).`;
    return { ok: true, data: { message, status: result.status } };
  } catch (error) {
    return actionError(error);
  }
}

/** A lead rejects a pending request with a comment. */
export async function rejectPromotionAction(_prev: ActionResult<PromotionActionData> | null, formData: FormData): Promise<ActionResult<PromotionActionData>> {
  try {
    const result = await rejectPromotion({
      ctx: await ctxOrThrow(),
      input: { requestId: int(formData, "requestId"), candidateVersionId: int(formData, "candidateVersionId"), comment: text(formData, "comment") },
    });
    revalidateProduction();
    return { ok: true, data: { message: result.recorded ? "Request rejected." : "Your decision on this request was already recorded.", status: result.status } };
  } catch (error) {
    return actionError(error);
  }
}

/** A lead rolls production back to the previous or a chosen earlier version. */
export async function rollbackAction(_prev: ActionResult<PromotionActionData> | null, formData: FormData): Promise<ActionResult<PromotionActionData>> {
  try {
    const deployment = await rollbackProduction({
      ctx: await ctxOrThrow(),
      input: {
        model: text(formData, "model"),
        toVersion: intOrNull(formData, "toVersion"),
        expectedProductionVersionId: int(formData, "expectedProductionVersionId"),
        reason: text(formData, "reason"),
      },
    });
    revalidateProduction();
    return { ok: true, data: { message: `Rolled back: v${deployment.toVersion} is in production again (was v${deployment.fromVersion}).`, status: "deployed" } };
  } catch (error) {
    return actionError(error);
  }
}
