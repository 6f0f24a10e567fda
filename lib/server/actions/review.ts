"use server";

import type { SubmitReviewInput } from "../../schemas/review";
import { getSessionCtx } from "../auth/session";
import { AppError } from "../errors";
import { submitReview, type SubmitReviewResult } from "../review/submit-review";
import { actionError, type ActionResult } from "./action-result";

/**
 * Saves the caller's verdict (with item flags and comment) on a candidate for one listener. The data
 * layer re-reads the session's role and re-validates everything. No revalidatePath: the pages that
 * show verdicts (the version page, Home) render per request, and revalidating here would make every
 * keystroke verdict re-render the whole review page on the server; the queue updates from the result.
 */
export async function submitReviewAction(input: SubmitReviewInput): Promise<ActionResult<SubmitReviewResult>> {
  try {
    const ctx = await getSessionCtx();
    if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
    return { ok: true, data: await submitReview({ ctx, input }) };
  } catch (error) {
    return actionError(error);
  }
}
