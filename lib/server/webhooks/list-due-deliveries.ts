import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

/**
 * Deliveries whose next attempt is due (new ones, retries whose wait is over, and attempts whose
 * sender vanished past its lease), oldest first, for the dispatcher to hand to workers.
 */
export async function listDueDeliveries({ ctx, input = {} }: { ctx: Ctx; input?: { limit?: number } }): Promise<{ id: number; attempts: number }[]> {
  requireRole(ctx, "manageSettings");
  return db().webhookDelivery.findMany({
    where: { status: { in: ["pending", "retrying", "sending"] }, nextAttemptAt: { lte: new Date() } },
    orderBy: { nextAttemptAt: "asc" },
    take: Math.min(input.limit ?? 100, 500),
    select: { id: true, attempts: true },
  });
}
