import "server-only";
import { alertActionSchema, type AlertActionInput } from "../../schemas/alerts";
import { appendAudit } from "../audit";
import { actorLabel, requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { whyNot, type AlertTransitionDto } from "./acknowledge-alert";

/**
 * Resolves an open or acknowledged alert by hand. Its openKey is released, so the next sighting of the
 * same condition raises a new alert (and notifies again) instead of bumping this one.
 */
export async function resolveAlert({ ctx, input }: { ctx: Ctx; input: AlertActionInput }): Promise<AlertTransitionDto> {
  requireRole(ctx, "handleAlerts");
  const { id, note } = parseInput(alertActionSchema, input);
  const by = actorLabel(ctx.actor);
  return db().$transaction(async (tx) => {
    const before = await tx.alert.findUnique({ where: { id }, select: { status: true, shelfId: true } });
    const { count } = await tx.alert.updateMany({
      where: { id, status: { in: ["open", "acknowledged"] } },
      data: { status: "resolved", openKey: null, resolvedAt: ctx.now, resolvedBy: by },
    });
    if (count === 0 || !before) throw await whyNot(tx, id, "resolve");
    await appendAudit(tx, ctx, { action: "alert.resolved", subjectType: "alert", subjectId: id, shelfId: before.shelfId, before: { status: before.status }, after: { status: "resolved", note } });
    return { id, status: "resolved" as const, by, at: ctx.now.toISOString() };
  });
}
