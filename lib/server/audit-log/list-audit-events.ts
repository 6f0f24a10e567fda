import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { listAuditEventsSchema, type ListAuditEventsInput } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";

export type AuditEventDto = {
  id: number;
  createdAt: string;
  actorType: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  shelf: string | null;
  before: unknown;
  after: unknown;
  hash: string;
};

export type AuditPageDto = {
  events: AuditEventDto[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
  /** Every action the log holds, for the filter's choices. */
  actions: string[];
};

const DAY_END = "T23:59:59.999Z";

/**
 * Audit events newest first, filtered by actor (part of the email or token name), action (exact, or a
 * prefix ending in "."), subject ("type", "id" or "type:id") and a UTC date range; keyset-paged on id.
 */
export async function listAuditEvents({ ctx, input }: { ctx: Ctx; input: ListAuditEventsInput }): Promise<AuditPageDto> {
  requireRole(ctx, "read");
  const f = parseInput(listAuditEventsSchema, input);
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) and.push({ actorLabel: { contains: f.actor, mode: "insensitive" } });
  if (f.action) and.push(f.action.endsWith(".") ? { action: { startsWith: f.action } } : { action: f.action });
  if (f.subject) {
    const [type, ...rest] = f.subject.split(":");
    const id = rest.join(":");
    and.push(id ? { subjectType: type, subjectId: id } : { OR: [{ subjectType: f.subject }, { subjectId: f.subject }] });
  }
  if (f.from) and.push({ createdAt: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to) and.push({ createdAt: { lte: new Date(`${f.to}${DAY_END}`) } });
  if (f.before) and.push({ id: { lt: f.before } });

  const [rows, actions, shelves] = await Promise.all([
    db().auditEvent.findMany({
      where: { AND: and },
      orderBy: { id: "desc" },
      take: f.limit + 1,
      select: { id: true, createdAt: true, actorType: true, actorLabel: true, action: true, subjectType: true, subjectId: true, shelfId: true, before: true, after: true, hash: true },
    }),
    db().auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db().shelf.findMany({ select: { id: true, slug: true } }),
  ]);
  const slug = new Map(shelves.map((s) => [s.id, s.slug]));
  const page = rows.slice(0, f.limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      actorType: r.actorType,
      actorLabel: r.actorLabel,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      shelf: r.shelfId === null ? null : (slug.get(r.shelfId) ?? null),
      before: r.before,
      after: r.after,
      hash: r.hash,
    })),
    nextBefore: rows.length > f.limit ? page[page.length - 1].id : null,
    actions: actions.map((a) => a.action),
  };
}
