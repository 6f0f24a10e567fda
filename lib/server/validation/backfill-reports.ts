import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { computeModelReports } from "./compute-reports";

export type BackfillDto = { models: number; planned: number; computed: number };

/**
 * The daily pass: for every model, computes the reports its profiles call for that are missing (a day
 * whose profile arrived while the previous day's had not, a deployment that changed which version
 * served a day). One transaction per model, so one model's failure leaves the others' work in place.
 */
export async function backfillReports({ ctx }: { ctx: Ctx }): Promise<BackfillDto> {
  requireRole(ctx, "manageSettings");
  const models = await db().model.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  const out: BackfillDto = { models: models.length, planned: 0, computed: 0 };
  for (const m of models) {
    const r = await db().$transaction((tx) => computeModelReports(tx, { modelId: m.id, now: ctx.now }), { timeout: 600_000, maxWait: 60_000 });
    out.planned += r.planned;
    out.computed += r.computed;
  }
  return out;
}
