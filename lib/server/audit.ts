import "server-only";
import { auditHash, GENESIS_HASH, type AuditPayload } from "../audit/hash";
import type { Ctx } from "./context";
import { actorLabel } from "./context";
import type { Tx } from "./db";
import { Prisma } from "../generated/prisma/client";

export type AuditInput = {
  action: string;
  subjectType: string;
  subjectId: string | number;
  shelfId?: number | null;
  before?: unknown;
  after?: unknown;
};

// One lock for the whole chain: each event must see the hash of the one committed just before it.
const AUDIT_CHAIN_LOCK = 0x5357_4155; // "SWAU"

/** Appends a hash-chained audit event inside the caller's transaction (so it commits with the change). */
export async function appendAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const actor = ctx.actor;
  const payload: AuditPayload = {
    // Millisecond precision, as stored in TIMESTAMP(3), so the hash survives the round trip.
    createdAt: new Date(Math.floor(ctx.now.getTime())).toISOString(),
    actorType: actor.kind,
    actorId: actor.kind === "user" ? actor.id : actor.kind === "token" ? String(actor.id) : null,
    actorLabel: actorLabel(actor),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: String(input.subjectId),
    shelfId: input.shelfId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...payload,
      createdAt: new Date(payload.createdAt),
      before: payload.before === null ? Prisma.DbNull : (payload.before as Prisma.InputJsonValue),
      after: payload.after === null ? Prisma.DbNull : (payload.after as Prisma.InputJsonValue),
      prevHash,
      hash: auditHash(prevHash, payload),
    },
    select: { id: true },
  });
}
