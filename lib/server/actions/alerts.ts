"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert } from "../alerts/acknowledge-alert";
import { resolveAlert } from "../alerts/resolve-alert";
import { getSessionCtx } from "../auth/session";
import { AppError } from "../errors";
import { actionError, type ActionResult } from "./action-result";

// Server Actions are public endpoints: each re-reads the session and the data layer re-authorizes.
async function ctxOrThrow() {
  const ctx = await getSessionCtx();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
  return ctx;
}

/** Acknowledges an open alert: someone is on it. */
export async function acknowledgeAlertAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await acknowledgeAlert({ ctx: await ctxOrThrow(), input: { id: String(formData.get("id") ?? ""), note: String(formData.get("note") ?? "") } });
    revalidatePath("/alerts");
    revalidatePath("/");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}

/** Resolves an open or acknowledged alert. */
export async function resolveAlertAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await resolveAlert({ ctx: await ctxOrThrow(), input: { id: String(formData.get("id") ?? ""), note: String(formData.get("note") ?? "") } });
    revalidatePath("/alerts");
    revalidatePath("/");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
