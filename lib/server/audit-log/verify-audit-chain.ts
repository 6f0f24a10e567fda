import "server-only";
import { auditHash, GENESIS_HASH, type AuditPayload } from "../../audit/hash";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { id: number; action: string; createdAt: string; reason: string } };

const PAGE = 5_000;

/** Walks the audit log in order, recomputing each hash; names the first event that does not match. */
export async function verifyAuditChain({ ctx }: { ctx: Ctx }): Promise<ChainVerdict> {
  requireRole(ctx, "manageSettings");
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db().auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: PAGE });
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const payload: AuditPayload = {
        createdAt: row.createdAt.toISOString(),
        actorType: row.actorType,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        shelfId: row.shelfId,
        before: row.before,
        after: row.after,
      };
      const broken = (reason: string): ChainVerdict => ({ ok: false, checked, brokenAt: { id: row.id, action: row.action, createdAt: payload.createdAt, reason } });
      if (row.prevHash !== prevHash) return broken("its link to the previous event does not match (an event before it was removed or altered)");
      if (auditHash(prevHash, payload) !== row.hash) return broken("its content does not match its hash (it was altered)");
      prevHash = row.hash;
      checked++;
      afterId = row.id;
    }
  }
}
