import "server-only";
import type { GateCheck, GateEvidence } from "../../gate/evaluate";
import { Prisma } from "../../generated/prisma/client";
import { appendAudit } from "../audit";
import { actorLabel, type Ctx } from "../context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { evidenceSnapshot } from "./collect-evidence";
import type { Client, ModelState } from "./model-state";

// The rows behind a promotion request, shared by the gate, explicit requests and decisions. Every
// function here runs inside the caller's transaction, after it took the model's lock.

export type RequestSummaryDto = {
  id: number;
  model: string;
  version: number;
  versionId: number;
  expectedProductionVersion: number | null;
  expectedProductionVersionId: number | null;
  status: "pending" | "deployed" | "rejected" | "refused" | "cancelled";
  source: string;
  requestedBy: string;
  reason: string;
  createdAt: string;
  decidedAt: string | null;
  approvals: { user: string; decision: "approve" | "reject"; comment: string; at: string }[];
};

export const REQUEST_SELECT = {
  id: true,
  modelId: true,
  versionId: true,
  expectedProductionVersionId: true,
  status: true,
  source: true,
  requestedBy: true,
  requestedByUserId: true,
  reason: true,
  createdAt: true,
  decidedAt: true,
  checks: true,
  model: { select: { name: true } },
  version: { select: { version: true } },
  expectedProductionVersion: { select: { version: true } },
  approvals: { orderBy: { createdAt: "asc" }, select: { decision: true, comment: true, createdAt: true, user: { select: { email: true } } } },
} satisfies Prisma.PromotionRequestSelect;

export type RequestRow = Prisma.PromotionRequestGetPayload<{ select: typeof REQUEST_SELECT }>;

/** A request row as the pages and the API show it. */
export function toSummary(row: RequestRow): RequestSummaryDto {
  return {
    id: row.id,
    model: row.model.name,
    version: row.version.version,
    versionId: row.versionId,
    expectedProductionVersion: row.expectedProductionVersion?.version ?? null,
    expectedProductionVersionId: row.expectedProductionVersionId,
    status: row.status,
    source: row.source,
    requestedBy: row.requestedBy,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    approvals: row.approvals.map((a) => ({ user: a.user.email, decision: a.decision, comment: a.comment, at: a.createdAt.toISOString() })),
  };
}

/** The model's pending request, if any. */
export async function findPending(client: Client, modelId: number): Promise<RequestRow | null> {
  return client.promotionRequest.findUnique({ where: { pendingKey: modelId }, select: REQUEST_SELECT });
}

/** One request by id; NOT_FOUND when there is none. */
export async function loadRequest(client: Client, id: number): Promise<RequestRow> {
  const row = await client.promotionRequest.findUnique({ where: { id }, select: REQUEST_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No promotion request ${id}.`);
  return row;
}

type NewRequest = {
  model: ModelState;
  candidate: { id: number; version: number };
  production: { id: number; version: number } | null;
  status: "pending" | "deployed" | "refused";
  reason: string;
  evidence: GateEvidence;
  checks: GateCheck[];
};

/** Creates a request (pending, or already decided by the gate) with its evidence snapshot and audit row. */
export async function createRequest(tx: Tx, ctx: Ctx, input: NewRequest): Promise<number> {
  const actor = ctx.actor;
  const row = await tx.promotionRequest.create({
    data: {
      modelId: input.model.id,
      versionId: input.candidate.id,
      expectedProductionVersionId: input.production?.id ?? null,
      status: input.status,
      pendingKey: input.status === "pending" ? input.model.id : null,
      source: actor.kind === "user" ? "user" : actor.kind === "token" ? "pipeline" : "system",
      requestedBy: actorLabel(actor),
      requestedByUserId: actor.kind === "user" ? actor.id : null,
      reason: input.reason,
      evidence: evidenceSnapshot(input.evidence) as Prisma.InputJsonValue,
      checks: input.checks as unknown as Prisma.InputJsonValue,
      createdAt: ctx.now,
      decidedAt: input.status === "pending" ? null : ctx.now,
    },
    select: { id: true },
  });
  const failing = input.checks.filter((c) => c.verdict !== "pass").map((c) => c.id);
  await appendAudit(tx, ctx, {
    action: input.status === "refused" ? "promotion.refused" : "promotion.requested",
    subjectType: "promotion_request",
    subjectId: row.id,
    shelfId: input.model.shelfId,
    after: {
      model: input.model.name,
      version: input.candidate.version,
      expectedProduction: input.production ? input.production.version : null,
      status: input.status,
      notPassing: failing,
      reason: input.reason,
    },
  });
  return row.id;
}

/** Closes a pending request (guarded on it still being pending) with a new status and its audit row. */
export async function closeRequest(
  tx: Tx,
  ctx: Ctx,
  request: { id: number; shelfId: number },
  status: "deployed" | "rejected" | "cancelled",
  details: { checks?: unknown; evidence?: unknown; note?: string } = {},
): Promise<void> {
  const { count } = await tx.promotionRequest.updateMany({
    where: { id: request.id, status: "pending" },
    data: {
      status,
      pendingKey: null,
      decidedAt: ctx.now,
      ...(details.checks === undefined ? {} : { checks: details.checks as Prisma.InputJsonValue }),
      ...(details.evidence === undefined ? {} : { evidence: details.evidence as Prisma.InputJsonValue }),
    },
  });
  if (count !== 1) throw new AppError("CONFLICT", `Promotion request ${request.id} is no longer pending.`);
  await appendAudit(tx, ctx, {
    action: `promotion.${status}`,
    subjectType: "promotion_request",
    subjectId: request.id,
    shelfId: request.shelfId,
    before: { status: "pending" },
    after: { status, ...(details.note ? { note: details.note } : {}) },
  });
}

/**
 * Whether a version was rolled back and nobody asked for it again since: the date and who rolled it
 * back, or null. Only a person's request (pending or carried out) after the rollback lifts the block.
 */
export async function rollbackBlock(client: Client, modelId: number, versionId: number): Promise<{ at: string; by: string; comment: string } | null> {
  const rollback = await client.deployment.findFirst({
    where: { modelId, fromVersionId: versionId, reason: "rollback" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, actor: true, comment: true },
  });
  if (!rollback) return null;
  const explicit = await client.promotionRequest.count({
    where: { modelId, versionId, source: "user", status: { in: ["pending", "deployed"] }, createdAt: { gt: rollback.createdAt } },
  });
  return explicit > 0 ? null : { at: rollback.createdAt.toISOString(), by: rollback.actor, comment: rollback.comment };
}
