import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

export type OpenAlertCountsDto = { open: number; acknowledged: number };

/** How many alerts wait for someone (open) and how many are being handled (acknowledged). */
export async function countOpenAlerts({ ctx }: { ctx: Ctx }): Promise<OpenAlertCountsDto> {
  requireRole(ctx, "read");
  const rows = await db().alert.groupBy({ by: ["status"], where: { status: { in: ["open", "acknowledged"] } }, _count: { _all: true } });
  const out = { open: 0, acknowledged: 0 };
  for (const r of rows) if (r.status !== "resolved") out[r.status] = r._count._all;
  return out;
}
