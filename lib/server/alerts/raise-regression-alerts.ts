import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import type { SweepResultDto } from "./check-missed-retrains";
import { clearAlert } from "./clear-alert";
import { liveAlertsByKey } from "./live-alerts";
import { raiseAlert } from "./raise-alert";

/**
 * Raises an evaluation-regression alert when a model's newest version scores worse than production on
 * the gate's primary metric by more than the policy allows; resolves it when a newer version no longer
 * regresses, or when production has caught up with the alerted version.
 */
export async function raiseRegressionAlerts({ ctx }: { ctx: Ctx }): Promise<SweepResultDto> {
  requireRole(ctx, "manageSettings");
  const [models, live] = await Promise.all([
    db().model.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        gatePolicy: { select: { primaryMetric: true, direction: true, maxRegression: true } },
        aliases: { where: { alias: "production" }, select: { version: { select: { id: true, version: true } } } },
        versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true } },
      },
    }),
    liveAlertsByKey(["evaluation_regression"]),
  ]);
  const out: SweepResultDto = { raised: [], cleared: [] };
  for (const model of models) {
    const policy = model.gatePolicy;
    const production = model.aliases[0]?.version ?? null;
    const newest = model.versions[0] ?? null;
    const alert = live.get(`evaluation_regression:${model.name}`);
    const candidate = newest && production && newest.version > production.version ? newest : null;
    let regressing = false;
    if (policy && policy.maxRegression !== null && candidate && production) {
      const scores = await db().evaluation.findMany({
        where: { versionId: { in: [candidate.id, production.id] }, metric: policy.primaryMetric, dataset: "" },
        select: { versionId: true, value: true },
      });
      const c = scores.find((s) => s.versionId === candidate.id)?.value;
      const p = scores.find((s) => s.versionId === production.id)?.value;
      if (c !== undefined && p !== undefined) {
        const loss = policy.direction === "higher_is_better" ? p - c : c - p;
        regressing = loss > policy.maxRegression + 1e-9;
        if (regressing) {
          const title = `${model.name} v${candidate.version} regresses on ${policy.primaryMetric}: ${c.toFixed(3)} against ${p.toFixed(3)} in production v${production.version} (allowed ${policy.maxRegression})`;
          await db().$transaction((tx) =>
            raiseAlert(tx, ctx, {
              kind: "evaluation_regression",
              subject: model.name,
              modelId: model.id,
              title,
              occurrence: `version:${candidate.id}`,
              details: { version: candidate.version, metric: policy.primaryMetric, value: c, productionVersion: production.version, production: p, loss, allowed: policy.maxRegression },
            }),
          );
          out.raised.push(model.name);
        }
      }
    }
    if (regressing || !alert) continue;
    const alerted = typeof alert.details.version === "number" ? alert.details.version : null;
    const movedOn = alerted !== null && newest !== null && (newest.version > alerted || (production !== null && production.version >= alerted));
    if (movedOn) {
      const reason = production && alerted !== null && production.version >= alerted ? `production is now v${production.version}` : `v${newest!.version} does not regress`;
      const id = await db().$transaction((tx) => clearAlert(tx, ctx, { kind: "evaluation_regression", subject: model.name, reason }));
      if (id !== null) out.cleared.push(model.name);
    }
  }
  return out;
}
