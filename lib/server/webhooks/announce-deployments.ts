import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { notifyDeployment } from "./notify-deployment";

/** Deployments older than this are not announced late (a restart after a long outage stays quiet). */
const WINDOW_MINUTES = 30;

/**
 * Announces recent deployments that no webhook has been sent yet: the safety net for code paths that
 * moved production without calling notifyDeployment in their transaction.
 */
export async function announceDeployments({ ctx }: { ctx: Ctx }): Promise<{ announced: number[] }> {
  requireRole(ctx, "manageSettings");
  const listening = await db().webhook.count({ where: { active: true, events: { has: "deployment" } } });
  if (listening === 0) return { announced: [] };
  const since = new Date(ctx.now.getTime() - WINDOW_MINUTES * 60_000);
  const recent = await db().deployment.findMany({ where: { createdAt: { gte: since } }, orderBy: { id: "asc" }, select: { id: true } });
  if (recent.length === 0) return { announced: [] };
  const sent = await db().$queryRaw<{ id: number }[]>`
    SELECT DISTINCT ("payload"->'event'->'deployment'->>'id')::int AS "id" FROM "WebhookDelivery"
    WHERE "event" = 'deployment' AND ("payload"->'event'->'deployment'->>'id')::int = ANY(${recent.map((r) => r.id)}::int[])`;
  const done = new Set(sent.map((s) => s.id));
  const announced: number[] = [];
  for (const { id } of recent) {
    if (done.has(id)) continue;
    // Each in its own transaction with a lock, so two instances sweeping at once announce it once.
    const queued = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x5357_4450}::int, ${id}::int)`;
      const again = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "WebhookDelivery" WHERE "event" = 'deployment' AND ("payload"->'event'->'deployment'->>'id')::int = ${id}`;
      return again[0].n > 0 ? 0 : notifyDeployment(tx, ctx, { deploymentId: id });
    });
    if (queued > 0) announced.push(id);
  }
  return { announced };
}
