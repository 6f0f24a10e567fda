import "server-only";
import { checkMissedRetrains } from "../server/alerts/check-missed-retrains";
import { raiseGateAlerts } from "../server/alerts/raise-gate-alerts";
import { raiseRegressionAlerts } from "../server/alerts/raise-regression-alerts";
import { raiseValidationAlerts } from "../server/alerts/raise-validation-alerts";
import type { Ctx } from "../server/context";
import { announceDeployments } from "../server/webhooks/announce-deployments";
import { computeMissingReports } from "./compute-missing-reports";

export type StepResult = { step: string; ok: boolean; result?: unknown; error?: string };

const STEPS: { step: string; run: (ctx: Ctx) => Promise<unknown> }[] = [
  { step: "missed-retrains", run: (ctx) => checkMissedRetrains({ ctx }) },
  { step: "validation-alerts", run: (ctx) => raiseValidationAlerts({ ctx }) },
  { step: "regression-alerts", run: (ctx) => raiseRegressionAlerts({ ctx }) },
  { step: "gate-alerts", run: (ctx) => raiseGateAlerts({ ctx }) },
  { step: "deployments", run: (ctx) => announceDeployments({ ctx }) },
];

/**
 * One pass of every check that raises or resolves alerts. Each step is independent: one failing (a
 * table another feature is migrating, say) is reported and the others still run.
 */
export async function runAlertSweep(ctx: Ctx): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const { step, run } of STEPS) {
    try {
      results.push({ step, ok: true, result: await run(ctx) });
    } catch (error) {
      results.push({ step, ok: false, error: (error as Error).message });
    }
  }
  return results;
}

/** The daily job: fill in missing validation reports, then sweep (so their anomalies raise alerts). */
export async function runDailyPass(ctx: Ctx): Promise<StepResult[]> {
  let backfill: StepResult;
  try {
    backfill = { step: "report-backfill", ok: true, result: await computeMissingReports(ctx) };
  } catch (error) {
    backfill = { step: "report-backfill", ok: false, error: (error as Error).message };
  }
  return [backfill, ...(await runAlertSweep(ctx))];
}
