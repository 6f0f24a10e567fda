import "server-only";
import type { AlertKind } from "../../schemas/alerts";
import { db } from "../db";

export type LiveAlert = { id: number; kind: AlertKind; subject: string; lastSeenAt: Date; details: Record<string, unknown> };

/** Every alert not yet resolved, by openKey: the sweeps read it once instead of once per model. */
export async function liveAlertsByKey(kinds: readonly AlertKind[]): Promise<Map<string, LiveAlert>> {
  const rows = await db().alert.findMany({
    where: { openKey: { not: null }, kind: { in: [...kinds] } },
    select: { id: true, kind: true, subject: true, openKey: true, lastSeenAt: true, details: true },
  });
  return new Map(rows.map((r) => [r.openKey!, { id: r.id, kind: r.kind, subject: r.subject, lastSeenAt: r.lastSeenAt, details: (r.details ?? {}) as Record<string, unknown> }]));
}
