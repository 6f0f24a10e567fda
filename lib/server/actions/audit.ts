"use server";

import { getSessionCtx } from "../auth/session";
import { verifyAuditChain, type ChainVerdict } from "../audit-log/verify-audit-chain";
import { AppError } from "../errors";
import { actionError, type ActionResult } from "./action-result";

/** Walks the audit chain for an admin and names the first event that does not match. */
export async function verifyAuditChainAction(_prev: ActionResult<ChainVerdict> | null, _formData: FormData): Promise<ActionResult<ChainVerdict>> {
  try {
    const ctx = await getSessionCtx();
    if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
    return { ok: true, data: await verifyAuditChain({ ctx }) };
  } catch (error) {
    return actionError(error);
  }
}
