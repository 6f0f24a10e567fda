import "server-only";
import { isAllowed, type Permission } from "../../auth/permissions";
import type { Ctx } from "../context";

/** Whether the acting person holds a permission on a shelf: the pages use it only to show or hide controls. */
export function holds(ctx: Ctx, permission: Permission, shelfId: number): boolean {
  const a = ctx.actor;
  if (a.kind === "user") return isAllowed({ kind: "user", role: a.role, leadShelfIds: a.leadShelfIds }, permission, shelfId);
  if (a.kind === "token") return isAllowed({ kind: "token", scopes: a.scopes }, permission, shelfId);
  return true;
}

export type DecideRights = { canApprove: boolean; canReject: boolean; note: string | null };

/** What the viewer may do with a request, and why not; the server checks again on submit. */
export function decideRights(ctx: Ctx, shelfId: number, request: { status: string; requestedByUserId: string | null }, forbidSelfApproval: boolean): DecideRights {
  if (request.status !== "pending") return { canApprove: false, canReject: false, note: null };
  if (!holds(ctx, "approvePromotion", shelfId)) return { canApprove: false, canReject: false, note: "Only a lead of this shelf (or an admin) approves or rejects promotions." };
  if (forbidSelfApproval && ctx.actor.kind === "user" && request.requestedByUserId === ctx.actor.id) {
    return { canApprove: false, canReject: true, note: "You opened this request; the gate policy asks another lead to approve it." };
  }
  return { canApprove: true, canReject: true, note: null };
}
