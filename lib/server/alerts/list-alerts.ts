import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { ALERT_KINDS, listAlertsSchema, type AlertKind, type AlertStatus, type ListAlertsInput } from "../../schemas/alerts";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { alertEvidencePath } from "./alert-links";

export type AlertDto = {
  id: number;
  kind: AlertKind;
  subject: string;
  title: string;
  status: AlertStatus;
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  shelf: { slug: string; title: string } | null;
  model: string | null;
  /** Structured facts from whoever raised it (report, features, versions); render as text. */
  details: Record<string, unknown>;
  /** The dashboard page with the evidence. */
  link: string;
};

export type AlertListDto = {
  items: AlertDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Live alerts (open + acknowledged) by kind, for the filter chips. */
  liveByKind: Record<AlertKind, number>;
  counts: { open: number; acknowledged: number; resolved: number };
  /** Every shelf, for the shelf filter. */
  shelves: { slug: string; title: string }[];
};

const SELECT = {
  id: true,
  kind: true,
  subject: true,
  title: true,
  status: true,
  count: true,
  firstSeenAt: true,
  lastSeenAt: true,
  acknowledgedAt: true,
  acknowledgedBy: true,
  resolvedAt: true,
  resolvedBy: true,
  details: true,
  shelf: { select: { slug: true, title: true } },
  model: { select: { name: true } },
} satisfies Prisma.AlertSelect;

/** The alerts inbox: filtered by status, kind and shelf, newest sighting first, paged on the server. */
export async function listAlerts({ ctx, input }: { ctx: Ctx; input: ListAlertsInput }): Promise<AlertListDto> {
  requireRole(ctx, "read");
  const q = parseInput(listAlertsSchema, input);
  const place: Prisma.AlertWhereInput = q.shelf ? { shelf: { slug: q.shelf } } : {};
  const where: Prisma.AlertWhereInput = {
    ...place,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.status === "all" ? {} : q.status === "active" ? { status: { in: ["open", "acknowledged"] } } : { status: q.status }),
  };
  const [rows, total, byStatus, byKind, shelves] = await Promise.all([
    db().alert.findMany({
      where,
      // Open before acknowledged before resolved, then the most recent sighting first.
      orderBy: [{ status: "asc" }, { lastSeenAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: SELECT,
    }),
    db().alert.count({ where }),
    db().alert.groupBy({ by: ["status"], where: place, _count: { _all: true } }),
    db().alert.groupBy({ by: ["kind"], where: { ...place, status: { in: ["open", "acknowledged"] } }, _count: { _all: true } }),
    db().shelf.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { slug: true, title: true } }),
  ]);
  const counts = { open: 0, acknowledged: 0, resolved: 0 };
  for (const s of byStatus) counts[s.status] = s._count._all;
  const liveByKind = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;
  for (const k of byKind) liveByKind[k.kind] = k._count._all;
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize, liveByKind, counts, shelves };
}

type Row = Prisma.AlertGetPayload<{ select: typeof SELECT }>;

function toDto(r: Row): AlertDto {
  const details = r.details && typeof r.details === "object" && !Array.isArray(r.details) ? (r.details as Record<string, unknown>) : {};
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    title: r.title,
    status: r.status,
    count: r.count,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: r.acknowledgedBy,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.resolvedBy,
    shelf: r.shelf,
    model: r.model?.name ?? null,
    details,
    link: alertEvidencePath({ kind: r.kind, shelfSlug: r.shelf?.slug ?? null, details }),
  };
}
