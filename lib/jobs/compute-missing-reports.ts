import "server-only";
import type { Ctx } from "../server/context";
import { backfillReports } from "../server/validation/backfill-reports";

export type ReportBackfill = { ran: boolean; models: number; planned: number; computed: number };

/**
 * The daily validation pass's first step: skew and drift reports for every serving day and version
 * that lacks one (a profile that arrived before its baseline, a deployment that changed which version
 * served a day). The computation belongs to the validation module; the sweep after it raises alerts.
 */
export async function computeMissingReports(ctx: Ctx): Promise<ReportBackfill> {
  const result = await backfillReports({ ctx });
  return { ran: true, ...result };
}
