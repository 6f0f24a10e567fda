import "server-only";
import type { GatePolicy } from "../../gate/evaluate";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";

export type Client = Db | Tx;

export const PRODUCTION = "production";

// Promotion, approval, rollback and the gate all serialise per model on this lock, taken first in
// their transaction; the guarded writes behind it stay the real guarantee if a path ever skips it.
const PROMOTION_LOCK = 0x5357_5052; // "SWPR"

/** Serialises changes of one model's production alias and requests inside the caller's transaction. */
export async function lockModel(tx: Tx, modelId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PROMOTION_LOCK}::int, ${modelId}::int)`;
}

export type ModelState = {
  id: number;
  name: string;
  shelfId: number;
  shelfSlug: string;
  shelfTitle: string;
  policy: GatePolicy | null;
  production: { id: number; version: number } | null;
};

/** A model by name with its shelf, gate policy and production version; NOT_FOUND when unknown. */
export async function loadModel(client: Client, name: string): Promise<ModelState> {
  const row = await client.model.findUnique({ where: { name }, select: MODEL_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No model "${name}".`);
  return toState(row);
}

/** The same, by id. */
export async function loadModelById(client: Client, id: number): Promise<ModelState> {
  const row = await client.model.findUnique({ where: { id }, select: MODEL_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No model ${id}.`);
  return toState(row);
}

/** A model's version by number; NOT_FOUND when it was never registered. */
export async function loadVersion(client: Client, model: ModelState, version: number): Promise<{ id: number; version: number }> {
  const row = await client.modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version } }, select: { id: true, version: true } });
  if (!row) throw new AppError("NOT_FOUND", `${model.name} has no version ${version}.`);
  return row;
}

/** The production version as the database holds it now (read inside the transaction that moves it). */
export async function currentProduction(client: Client, modelId: number): Promise<{ id: number; version: number } | null> {
  const alias = await client.modelAlias.findUnique({
    where: { modelId_alias: { modelId, alias: PRODUCTION } },
    select: { version: { select: { id: true, version: true } } },
  });
  return alias?.version ?? null;
}

/** The rules of a gate policy (the `GatePolicy` the gate evaluates), as Prisma selects them. */
export const GATE_POLICY_RULES = {
  primaryMetric: true,
  direction: true,
  absoluteThreshold: true,
  maxRegression: true,
  skewFreeDays: true,
  minReviews: true,
  maxWorseShare: true,
  approvalsRequired: true,
  forbidSelfApproval: true,
} as const;

const MODEL_SELECT = {
  id: true,
  name: true,
  shelfId: true,
  shelf: { select: { slug: true, title: true } },
  gatePolicy: { select: GATE_POLICY_RULES },
  aliases: { where: { alias: PRODUCTION }, select: { version: { select: { id: true, version: true } } } },
} as const;

type ModelRow = {
  id: number;
  name: string;
  shelfId: number;
  shelf: { slug: string; title: string };
  gatePolicy: GatePolicy | null;
  aliases: { version: { id: number; version: number } }[];
};

function toState(row: ModelRow): ModelState {
  return {
    id: row.id,
    name: row.name,
    shelfId: row.shelfId,
    shelfSlug: row.shelf.slug,
    shelfTitle: row.shelf.title,
    policy: row.gatePolicy,
    production: row.aliases[0]?.version ?? null,
  };
}

/** A model without a gate policy has no rules: nothing can pass, so nothing is pushed without a person. */
export function policyOrEmpty(policy: GatePolicy | null): GatePolicy {
  return (
    policy ?? {
      primaryMetric: "ndcg@10",
      direction: "higher_is_better",
      absoluteThreshold: null,
      maxRegression: null,
      skewFreeDays: null,
      minReviews: 0,
      maxWorseShare: null,
      approvalsRequired: 1,
      forbidSelfApproval: true,
    }
  );
}
