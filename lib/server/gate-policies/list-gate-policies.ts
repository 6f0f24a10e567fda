import "server-only";
import type { GatePolicy } from "../../gate/evaluate";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { GATE_POLICY_RULES } from "../promotions/model-state";

export type GatePolicyRowDto = {
  model: string;
  shelf: { slug: string; title: string };
  /** Metrics the model declares or has scores for: what the primary metric may be. */
  metrics: string[];
  policy: (GatePolicy & { updatedAt: string; updatedBy: string }) | null;
};

/** Every model with its gate policy, for the admins who edit them. */
export async function listGatePolicies({ ctx }: { ctx: Ctx }): Promise<GatePolicyRowDto[]> {
  requireRole(ctx, "manageSettings");
  const rows = await db().model.findMany({
    orderBy: [{ shelf: { position: "asc" } }, { name: "asc" }],
    select: {
      name: true,
      shelf: { select: { slug: true, title: true } },
      metrics: { select: { name: true }, orderBy: { name: "asc" } },
      gatePolicy: { select: { ...GATE_POLICY_RULES, updatedAt: true, updatedBy: true } },
    },
  });
  return rows.map((r) => ({
    model: r.name,
    shelf: r.shelf,
    metrics: [...new Set([...(r.gatePolicy ? [r.gatePolicy.primaryMetric] : []), ...r.metrics.map((m) => m.name)])],
    policy: r.gatePolicy ? { ...r.gatePolicy, updatedAt: r.gatePolicy.updatedAt.toISOString() } : null,
  }));
}
