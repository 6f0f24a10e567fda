import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { clearAlert } from "./clear-alert";
import { liveAlertsByKey } from "./live-alerts";
import { openKeyOf, raiseAlert } from "./raise-alert";

/** A model is expected to get a new version at least this often (weekly retrains, one day of grace). */
export const RETRAIN_DEADLINE_DAYS = 8;
const DAY = 86_400_000;

export type SweepResultDto = { raised: string[]; cleared: string[] };

/**
 * Raises a missed-retrain alert for every model without a new version in 8 days (counted from its newest
 * version's registration, or from the model's creation when it has none), and resolves it once a
 * version arrives.
 */
export async function checkMissedRetrains({ ctx }: { ctx: Ctx }): Promise<SweepResultDto> {
  requireRole(ctx, "manageSettings");
  const [models, live] = await Promise.all([
    db().model.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, createdAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, createdAt: true } } },
    }),
    liveAlertsByKey(["missed_retrain"]),
  ]);
  const out: SweepResultDto = { raised: [], cleared: [] };
  for (const model of models) {
    const newest = model.versions[0] ?? null;
    const since = newest?.createdAt ?? model.createdAt;
    const days = Math.floor((ctx.now.getTime() - since.getTime()) / DAY);
    const overdue = ctx.now.getTime() - since.getTime() > RETRAIN_DEADLINE_DAYS * DAY;
    if (overdue) {
      const title = newest
        ? `No new version of ${model.name} for ${days} days (newest v${newest.version}, registered ${since.toISOString().slice(0, 10)})`
        : `${model.name} has had no version since it was created ${days} days ago`;
      await db().$transaction((tx) =>
        raiseAlert(tx, ctx, {
          kind: "missed_retrain",
          subject: model.name,
          modelId: model.id,
          title,
          occurrence: `newest:${newest?.id ?? "none"}`,
          details: { version: newest?.version ?? null, lastVersionAt: since.toISOString(), daysSince: days, deadlineDays: RETRAIN_DEADLINE_DAYS },
        }),
      );
      out.raised.push(model.name);
    } else if (live.has(openKeyOf("missed_retrain", model.name))) {
      const reason = newest ? `v${newest.version} arrived ${newest.createdAt.toISOString().slice(0, 10)}` : "";
      const cleared = await db().$transaction((tx) => clearAlert(tx, ctx, { kind: "missed_retrain", subject: model.name, reason }));
      if (cleared !== null) out.cleared.push(model.name);
    }
  }
  return out;
}
