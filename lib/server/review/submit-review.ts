import "server-only";
import { submitReviewSchema, type ItemFlag, type SubmitReviewInput, type Verdict } from "../../schemas/review";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput, type FieldError } from "../errors";
import { findVersionByModel } from "./find-version";
import { parseFlags } from "./item-flags";
import type { MyReviewDto, ReviewProgressDto } from "./review-dto";
import { reviewProgress } from "./review-progress";

export type SubmitReviewResult = { review: MyReviewDto; created: boolean; changed: boolean; progress: ReviewProgressDto };

type Snapshot = { verdict: Verdict; itemFlags: { uri: string; flags: ItemFlag[] }[]; comment: string; baselineVersion: number | null };

const byUri = (a: { uri: string }, b: { uri: string }) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
// Flags are compared as sets: the same flags sent in another order are the same review.
const sameSnapshot = (a: Snapshot, b: Snapshot) =>
  JSON.stringify({ ...a, itemFlags: [...a.itemFlags].sort(byUri) }) === JSON.stringify({ ...b, itemFlags: [...b.itemFlags].sort(byUri) });

/**
 * Records a reviewer's verdict on a candidate for one listener, with item flags and a comment. One
 * review per reviewer, listener and candidate: a new verdict replaces the old one, the audit log keeps
 * both (before/after), and sending the same verdict again changes nothing.
 */
export async function submitReview({ ctx, input }: { ctx: Ctx; input: SubmitReviewInput }): Promise<SubmitReviewResult> {
  requireRole(ctx, "review");
  if (ctx.actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in reviewer can give a verdict.");
  const reviewerId = ctx.actor.id;
  const data = parseInput(submitReviewSchema, input);
  const candidate = await findVersionByModel(db(), data.model, data.version);

  const baseline = data.baselineVersion === null
    ? null
    : await db().modelVersion.findUnique({ where: { modelId_version: { modelId: candidate.modelId, version: data.baselineVersion } }, select: { id: true } });
  if (data.baselineVersion !== null && !baseline) throw new AppError("INVALID_REQUEST", "The baseline is not a version of this model.", [{ path: "baselineVersion", message: "unknown version" }]);
  const listener = await db().listener.findUnique({ where: { externalId: data.listener }, select: { id: true } });
  const sample = listener && (await db().recommendationSample.findUnique({ where: { versionId_listenerId: { versionId: candidate.versionId, listenerId: listener.id } }, select: { itemIds: true } }));
  if (!listener || !sample) throw new AppError("NOT_FOUND", `Version ${data.version} of "${data.model}" has no sample for listener "${data.listener}".`);

  // Flags name items of the candidate's list for this listener, by URI; stored by item id.
  const listed = await db().item.findMany({ where: { id: { in: sample.itemIds } }, select: { id: true, uri: true } });
  const idOfUri = new Map(listed.map((i) => [i.uri, i.id]));
  const fields: FieldError[] = data.itemFlags.flatMap((f, i) => (idOfUri.has(f.uri) ? [] : [{ path: `itemFlags.${i}.uri`, message: `"${f.uri}" is not in the candidate's list for this listener` }]));
  if (fields.length) throw new AppError("INVALID_REQUEST", "Only items of the candidate's list can be flagged.", fields);
  const stored = data.itemFlags.map((f) => ({ itemId: idOfUri.get(f.uri)!, flags: f.flags }));
  const after: Snapshot = { verdict: data.verdict, itemFlags: data.itemFlags, comment: data.comment, baselineVersion: data.baselineVersion };
  const uriOfId = new Map(listed.map((i) => [i.id, i.uri]));

  const outcome = await db().$transaction(async (tx) => {
    const key = { versionId: candidate.versionId, listenerId: listener.id, reviewerId };
    const values = { verdict: data.verdict, itemFlags: stored, comment: data.comment, baselineVersionId: baseline?.id ?? null, updatedAt: ctx.now };
    // ON CONFLICT DO NOTHING: of two racing first verdicts one inserts, the other updates below.
    const inserted = await tx.review.createMany({ data: [{ ...key, ...values, createdAt: ctx.now }], skipDuplicates: true });
    const [row] = await tx.$queryRaw<{ id: number; verdict: Verdict; itemFlags: unknown; comment: string; baselineVersionId: number | null; updatedAt: Date }[]>`
      SELECT "id", "verdict", "itemFlags", "comment", "baselineVersionId", "updatedAt" FROM "Review"
      WHERE "versionId" = ${key.versionId} AND "listenerId" = ${key.listenerId} AND "reviewerId" = ${reviewerId} FOR UPDATE`;
    if (!row) throw new AppError("CONFLICT", "The review was removed while saving; try again.");
    const subject = { subjectType: "review", subjectId: row.id, shelfId: candidate.shelfId };
    if (inserted.count === 1) {
      await appendAudit(tx, ctx, { action: "review.created", ...subject, after: { model: candidate.modelName, version: candidate.version, listener: data.listener, ...after } });
      return { created: true, changed: true, updatedAt: ctx.now };
    }
    const baselineVersion = row.baselineVersionId === null ? null : (await tx.modelVersion.findUnique({ where: { id: row.baselineVersionId }, select: { version: true } }))?.version ?? null;
    const before: Snapshot = {
      verdict: row.verdict,
      itemFlags: parseFlags(row.itemFlags).map((f) => ({ uri: uriOfId.get(f.itemId) ?? `unknown:${f.itemId}`, flags: f.flags })),
      comment: row.comment,
      baselineVersion,
    };
    if (sameSnapshot(before, after)) return { created: false, changed: false, updatedAt: row.updatedAt };
    await tx.review.update({ where: { id: row.id }, data: values, select: { id: true } });
    await appendAudit(tx, ctx, { action: "review.updated", ...subject, before, after: { model: candidate.modelName, version: candidate.version, listener: data.listener, ...after } });
    return { created: false, changed: true, updatedAt: ctx.now };
  });

  return {
    review: { verdict: data.verdict, itemFlags: data.itemFlags, comment: data.comment, updatedAt: outcome.updatedAt.toISOString() },
    created: outcome.created,
    changed: outcome.changed,
    progress: await reviewProgress(candidate.versionId, reviewerId, await db().recommendationSample.count({ where: { versionId: candidate.versionId } })),
  };
}
