import "server-only";
import type { Ctx } from "../context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { ModelState } from "./model-state";
import { closeRequest, findPending, type RequestRow } from "./request-rows";

/**
 * What to do with the model's pending request before a new one for `candidate`: the same version
 * against the same production is returned as is (asking twice is the same request); one that went
 * stale (production moved) or is for an older version is cancelled; one for a newer version wins
 * (CONFLICT). Runs under the model's lock.
 */
export async function supersedePending(
  tx: Tx,
  ctx: Ctx,
  model: ModelState,
  candidate: { id: number; version: number },
  production: { id: number; version: number } | null,
): Promise<RequestRow | null> {
  const pending = await findPending(tx, model.id);
  if (!pending) return null;
  const stale = pending.expectedProductionVersionId !== (production?.id ?? null);
  if (pending.versionId === candidate.id && !stale) return pending;
  if (!stale && pending.version.version > candidate.version) {
    throw new AppError(
      "CONFLICT",
      `v${pending.version.version} of ${model.name} already waits for approval (request ${pending.id}); v${candidate.version} is older.`,
    );
  }
  const note = stale
    ? `Production moved to ${production ? `v${production.version}` : "no version"} since the request was opened.`
    : `Superseded by a request for v${candidate.version}.`;
  await closeRequest(tx, ctx, { id: pending.id, shelfId: model.shelfId }, "cancelled", { note });
  return null;
}
