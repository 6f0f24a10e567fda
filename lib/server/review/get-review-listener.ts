import "server-only";
import { isAllowed } from "../../auth/permissions";
import { annotateLists } from "../../review/annotate";
import { safeImageUrl } from "../../review/image-url";
import { firstMatching, locate, type QueueFilters } from "../../review/queue";
import { reviewListenerInputSchema, type ReviewListenerInput, type Verdict } from "../../schemas/review";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { parseFlags } from "./item-flags";
import { itemOrMissing, loadItems, loadItemsByUri, type ItemRow } from "./load-items";
import { loadPanelComparison } from "./panel-comparison";
import { resolveReviewTarget } from "./resolve-review-target";
import type { MyReviewDto, ReviewItemDto, ReviewListenerView } from "./review-dto";
import { listenersReviewed } from "./review-progress";

const reviewerIdOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.id : null);

/**
 * One listener of the review queue: who they are, the candidate's list beside the baseline's with
 * every change marked, the comparison figures, the caller's own verdict, the neighbours in the queue
 * under the filters (so the page can prefetch the next one) and the progress of the review.
 */
export async function getReviewListener({ ctx, input }: { ctx: Ctx; input: ReviewListenerInput }): Promise<ReviewListenerView> {
  requireRole(ctx, "read");
  const data = parseInput(reviewListenerInputSchema, input);
  const target = await resolveReviewTarget(data.model, data.version, data.filters.baseline);
  const candidateId = target.candidate.versionId;
  const reviewerId = reviewerIdOf(ctx);

  // Independent reads, side by side: the listener asked for, the panel's comparison (memoized), this
  // reviewer's reviews, everyone's count. A listener outside the panel is caught just below.
  const baselineId = target.baseline?.versionId ?? null;
  const asked = data.listener ? loadListenerLists(data.listener, candidateId, baselineId, reviewerId) : null;
  asked?.catch(() => {}); // awaited below unless the panel check throws first
  // Which listeners this reviewer has done matters only to skip them; otherwise their count is enough.
  const needMine = reviewerId !== null && (data.filters.unreviewed || !data.listener);
  const [panel, mine, mineCount, everyone] = await Promise.all([
    loadPanelComparison(candidateId, baselineId),
    needMine
      ? db().review.findMany({ where: { versionId: candidateId, reviewerId }, select: { listenerId: true } }).then((rows) => new Set(rows.map((r) => r.listenerId)))
      : Promise.resolve(new Set<number>()),
    reviewerId && !needMine ? db().review.count({ where: { versionId: candidateId, reviewerId } }) : Promise.resolve(null),
    listenersReviewed(candidateId),
  ]);
  const filters: QueueFilters = { newOnly: data.filters.new, country: data.filters.country ?? null, sort: data.filters.sort, exclude: data.filters.unreviewed ? mine : null };
  const sorted = panel.sorted[filters.sort];

  // Without a listener, start where this reviewer has work left: the first one they have not reviewed.
  const currentId = data.listener ?? firstMatching(sorted, { ...filters, exclude: mine }) ?? firstMatching(sorted, filters);
  const row = currentId === null ? null : sorted.find((r) => r.externalId === currentId);
  if (currentId !== null && !row) throw new AppError("NOT_FOUND", `Listener "${currentId}" is not in the panel of version ${target.candidate.version}.`, [{ path: "listener", message: "not in the panel" }]);

  const base = {
    target: {
      model: target.candidate.modelName,
      shelfSlug: target.candidate.shelfSlug,
      shelfTitle: target.candidate.shelfTitle,
      candidate: target.candidate.version,
      baseline: target.baseline?.version ?? null,
      baselineIsProduction: target.baselineIsProduction,
    },
    filters: data.filters,
    progress: { mine: mineCount ?? mine.size, everyone, panel: panel.rows.length },
    canReview: ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "review"),
    countries: panel.countries,
  };
  if (!row) {
    return { ...base, listener: null, candidate: [], baseline: null, comparison: null, myReview: null, otherReviews: 0, queue: { position: null, total: 0, prev: null, next: null } };
  }

  const listenerView = (await asked) ?? (await loadListenerLists(row.externalId, candidateId, baselineId, reviewerId));
  if (!listenerView) throw new AppError("NOT_FOUND", `Listener "${row.externalId}" has no sample for version ${target.candidate.version}.`, [{ path: "listener", message: "no sample" }]);
  return { ...base, ...listenerView, queue: locate(sorted, filters, row.externalId) };
}

/** The listener's context and both lists, annotated; null when the listener or the candidate's sample is missing. */
async function loadListenerLists(externalId: string, candidateId: number, baselineId: number | null, reviewerId: string | null) {
  const listener = await db().listener.findUnique({ where: { externalId }, select: { id: true, externalId: true, isNew: true, country: true, topGenres: true, recentListens: true } });
  if (!listener) return null;
  const listenerId = listener.id;
  const [samples, reviews] = await Promise.all([
    db().recommendationSample.findMany({
      where: { listenerId, versionId: { in: baselineId === null ? [candidateId] : [candidateId, baselineId] } },
      select: { versionId: true, itemIds: true, scores: true, reasons: true },
    }),
    db().review.findMany({ where: { versionId: candidateId, listenerId }, select: { reviewerId: true, verdict: true, itemFlags: true, comment: true, updatedAt: true } }),
  ]);
  const cand = samples.find((s) => s.versionId === candidateId);
  if (!cand) return null;
  const baseSample = baselineId === null ? null : (samples.find((s) => s.versionId === baselineId) ?? null);
  const own = reviews.find((r) => r.reviewerId === reviewerId) ?? null;
  const flagged = parseFlags(own?.itemFlags);

  const [items, recentItems] = await Promise.all([
    loadItems(db(), [...cand.itemIds, ...(baseSample?.itemIds ?? []), ...flagged.map((f) => f.itemId)]),
    loadItemsByUri(db(), listener.recentListens),
  ]);
  const toItems = (s: { itemIds: number[]; scores: number[]; reasons: string[] }) =>
    s.itemIds.map((id, i) => {
      const item = itemOrMissing(items, id);
      return { uri: item.uri, title: item.title, creator: item.creator, type: item.type, imageUrl: safeImageUrl(item.imageUrl), score: s.scores[i] ?? 0, reason: s.reasons[i] ?? "" };
    });
  const lists = annotateLists(toItems(cand), baseSample ? toItems(baseSample) : null, listener.recentListens);

  const myReview: MyReviewDto | null = own && {
    verdict: own.verdict as Verdict,
    itemFlags: flagged.map((f) => ({ uri: itemOrMissing(items, f.itemId).uri, flags: f.flags })),
    comment: own.comment,
    updatedAt: own.updatedAt.toISOString(),
  };
  return {
    listener: {
      id: listener.externalId,
      isNew: listener.isNew,
      country: listener.country,
      topGenres: listener.topGenres,
      recentListens: listener.recentListens.map((uri) => recentEntry(uri, recentItems.get(uri))),
    },
    candidate: lists.candidate satisfies ReviewItemDto[],
    baseline: lists.baseline satisfies ReviewItemDto[] | null,
    comparison: lists.comparison,
    myReview,
    otherReviews: reviews.length - (own ? 1 : 0),
  };
}

function recentEntry(uri: string, item: ItemRow | undefined) {
  return item ? { uri, title: item.title, type: item.type, creator: item.creator } : { uri, title: uri, type: "unknown", creator: "" };
}

