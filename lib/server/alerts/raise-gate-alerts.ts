import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import type { SweepResultDto } from "./check-missed-retrains";
import { clearAlert } from "./clear-alert";
import { liveAlertsByKey } from "./live-alerts";
import { raiseAlert } from "./raise-alert";

/** A refusal older than this is history, not news. */
const RECENT_DAYS = 7;

type Check = { id?: unknown; verdict?: unknown; sentence?: unknown };

/**
 * Raises a gate-failure alert for each model whose latest promotion request was refused by the gate
 * after its last deployment (and within a week); resolves it once the model deploys again.
 */
export async function raiseGateAlerts({ ctx }: { ctx: Ctx }): Promise<SweepResultDto> {
  requireRole(ctx, "manageSettings");
  const since = new Date(ctx.now.getTime() - RECENT_DAYS * 86_400_000);
  const [models, live] = await Promise.all([
    db().model.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        deployments: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, toVersion: { select: { version: true } } } },
        promotionRequests: {
          where: { status: "refused", createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { id: true, createdAt: true, checks: true, requestedBy: true, source: true, version: { select: { version: true } } },
        },
      },
    }),
    liveAlertsByKey(["gate_failure"]),
  ]);
  const out: SweepResultDto = { raised: [], cleared: [] };
  for (const model of models) {
    const deployed = model.deployments[0] ?? null;
    const refused = model.promotionRequests[0] ?? null;
    if (refused && (!deployed || refused.createdAt > deployed.createdAt)) {
      const checks = (Array.isArray(refused.checks) ? (refused.checks as Check[]) : []).filter((c) => c.verdict === "fail" || c.verdict === "no_data");
      const reasons = checks.map((c) => String(c.sentence ?? c.id ?? "")).filter(Boolean);
      const title = `Gate refused ${model.name} v${refused.version.version}${reasons[0] ? `: ${reasons[0]}` : ""}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ""}`;
      await db().$transaction((tx) =>
        raiseAlert(tx, ctx, {
          kind: "gate_failure",
          subject: model.name,
          modelId: model.id,
          title,
          occurrence: `promotion:${refused.id}`,
          details: { requestId: refused.id, version: refused.version.version, reasons, requestedBy: refused.requestedBy, source: refused.source },
        }),
      );
      out.raised.push(model.name);
      continue;
    }
    const alert = live.get(`gate_failure:${model.name}`);
    if (alert && deployed && deployed.createdAt > alert.lastSeenAt) {
      const id = await db().$transaction((tx) => clearAlert(tx, ctx, { kind: "gate_failure", subject: model.name, reason: `v${deployed.toVersion.version} was deployed` }));
      if (id !== null) out.cleared.push(model.name);
    }
  }
  return out;
}
