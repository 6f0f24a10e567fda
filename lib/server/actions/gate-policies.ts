"use server";

import { revalidatePath } from "next/cache";
import { getSessionCtx } from "../auth/session";
import { AppError } from "../errors";
import { updateGatePolicy } from "../gate-policies/update-gate-policy";
import { actionError, type ActionResult } from "./action-result";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();
// An empty field switches a rule off; anything else must be a number (the data layer re-validates).
const numberOrNull = (formData: FormData, name: string) => (text(formData, name) === "" ? null : Number(text(formData, name)));

/** An admin saves a model's gate policy. */
export async function updateGatePolicyAction(_prev: ActionResult<{ model: string }> | null, formData: FormData): Promise<ActionResult<{ model: string }>> {
  try {
    const ctx = await getSessionCtx();
    if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
    const result = await updateGatePolicy({
      ctx,
      input: {
        model: text(formData, "model"),
        primaryMetric: text(formData, "primaryMetric"),
        direction: text(formData, "direction") as "higher_is_better",
        absoluteThreshold: numberOrNull(formData, "absoluteThreshold"),
        maxRegression: numberOrNull(formData, "maxRegression"),
        skewFreeDays: numberOrNull(formData, "skewFreeDays"),
        minReviews: Number(text(formData, "minReviews") || "0"),
        maxWorseShare: numberOrNull(formData, "maxWorseShare"),
        approvalsRequired: Number(text(formData, "approvalsRequired") || "0"),
        forbidSelfApproval: formData.get("forbidSelfApproval") === "on",
        expectedUpdatedAt: text(formData, "expectedUpdatedAt") || null,
      },
    });
    revalidatePath("/settings");
    return { ok: true, data: { model: result.model } };
  } catch (error) {
    return actionError(error);
  }
}
