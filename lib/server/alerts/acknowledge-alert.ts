import "server-only";
import { alertActionSchema, type AlertActionInput } from "../../schemas/alerts";
import { appendAudit } from "../audit";
import { actorLabel, requireRole, type Ctx } from "../context";
import { db, type Tx } from "../db";
import { AppError, parseInput } from "../errors";

export type AlertTransitionDto = { id: number; status: "acknowledged" | "resolved"; by: string; at: string };

/** Marks an open alert as seen by someone who is on it; it stays live (and deduplicating) until resolved. */
export async function acknowledgeAlert({ ctx, input }: { ctx: Ctx; input: AlertActionInput }): Promise<AlertTransitionDto> {
  requireRole(ctx, "handleAlerts");
  const { id, note } = parseInput(alertActionSchema, input);
  const by = actorLabel(ctx.actor);
  return db().$transaction(async (tx) => {
    const { count } = await tx.alert.updateMany({ where: { id, status: "open" }, data: { status: "acknowledged", acknowledgedAt: ctx.now, acknowledgedBy: by } });
    if (count === 0) throw await whyNot(tx, id, "acknowledge");
    const row = await tx.alert.findUniqueOrThrow({ where: { id }, select: { shelfId: true } });
    await appendAudit(tx, ctx, { action: "alert.acknowledged", subjectType: "alert", subjectId: id, shelfId: row.shelfId, before: { status: "open" }, after: { status: "acknowledged", note } });
    return { id, status: "acknowledged" as const, by, at: ctx.now.toISOString() };
  });
}

/** The error for a transition that found nothing to change: unknown alert, or already past that state. */
export async function whyNot(tx: Tx, id: number, verb: string): Promise<AppError> {
  const row = await tx.alert.findUnique({ where: { id }, select: { status: true } });
  if (!row) return new AppError("NOT_FOUND", `No alert ${id}.`);
  return new AppError("CONFLICT", `Alert ${id} is already ${row.status}; there is nothing to ${verb}.`);
}
