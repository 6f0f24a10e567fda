import "server-only";
import type { Distribution, ListsSummary } from "../../review/compare";
import { sortQueue } from "../../review/queue";
import { versionSummaryInputSchema, type ItemFlag, type Verdict } from "../../schemas/review";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { revisionCache } from "../models/revision-cache";
import { getShelf, shelfModel } from "../shelves/get-shelf";
import { findVersionByShelf } from "./find-version";
import { parseFlags } from "./item-flags";
import { loadPanelComparison } from "./panel-comparison";
import { loadPanelSummary } from "./panel-summary";

export type FlaggedItemDto = { uri: string; title: string; creator: string; type: string; flags: Partial<Record<ItemFlag, number>>; listeners: number };
export type ChangedListenerDto = { listener: string; rbo: number; overlapAt10: number; added: number; dropped: number; reviews: number };

export type VersionReviewSummaryDto = {
  model: string;
  shelfSlug: string;
  version: number;
  baseline: { version: number; isProduction: boolean } | null;
  panel: number;
  verdicts: Record<Verdict, number>;
  total: number;
  worseShare: number | null;
  reviewers: number;
  listenersReviewed: number;
  gate: { minReviews: number; maxWorseShare: number | null } | null;
  flagged: FlaggedItemDto[];
  biggestChanges: ChangedListenerDto[];
  comments: { listener: string; verdict: Verdict; comment: string; reviewer: string; at: string }[];
  distributions: { rbo: Distribution | null; overlapAtK: Distribution | null; k: number; candidate: ListsSummary; baseline: ListsSummary | null } | null;
};

const TOP = { flagged: 12, changes: 8, comments: 5 };

// The same for every viewer, and kept while the model's revision stands: reviews, samples, the gate policy
// and production move it, and so do reviewers' names and the catalogue's items.
const summaries = revisionCache<VersionReviewSummaryDto>(200);

/** How the review of a version came out: verdicts, share of "worse", flagged items, reviewers, the panel's biggest changes. */
export async function getVersionReviewSummary({ ctx, input }: { ctx: Ctx; input: { slug: string; version: number | string } }): Promise<VersionReviewSummaryDto> {
  requireRole(ctx, "read");
  const ref = parseInput(versionSummaryInputSchema, input);
  const model = shelfModel(await getShelf({ ctx, input: { slug: ref.slug } }));
  // A shelf without a model: summarize says so (NOT_FOUND), as for any missing version.
  if (!model) return summarize(ref);
  return summaries(model, [ref.version], () => summarize(ref));
}

async function summarize(ref: { slug: string; version: number }): Promise<VersionReviewSummaryDto> {
  const target = await findVersionByShelf(db(), ref.slug, ref.version);
  const productionId = target.productionVersionId;
  const baselineId = productionId !== null && productionId !== target.versionId ? productionId : null;

  const [reviews, policy, panelSize, baselineRow] = await Promise.all([
    db().review.findMany({
      where: { versionId: target.versionId },
      select: { listenerId: true, reviewerId: true, verdict: true, itemFlags: true, comment: true, updatedAt: true, reviewer: { select: { name: true } }, listener: { select: { externalId: true } } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    }),
    db().gatePolicy.findUnique({ where: { modelId: target.modelId }, select: { minReviews: true, maxWorseShare: true } }),
    db().recommendationSample.count({ where: { versionId: target.versionId } }),
    baselineId === null ? null : db().modelVersion.findUnique({ where: { id: baselineId }, select: { version: true } }),
  ]);

  const verdicts: Record<Verdict, number> = { better: 0, same: 0, worse: 0 };
  const reviewsPerListener = new Map<number, number>();
  for (const r of reviews) {
    verdicts[r.verdict] += 1;
    reviewsPerListener.set(r.listenerId, (reviewsPerListener.get(r.listenerId) ?? 0) + 1);
  }
  const total = reviews.length;

  const [flagged, panel] = await Promise.all([
    flaggedItems(reviews),
    panelSize > 0 ? Promise.all([loadPanelComparison(target.versionId, baselineId), loadPanelSummary(target.versionId, baselineId)]) : null,
  ]);
  const biggestChanges = panel
    ? sortQueue(panel[0].rows.filter((r) => r.rbo !== null), "change")
        .slice(0, TOP.changes)
        .map((r) => ({ listener: r.externalId, rbo: r.rbo!, overlapAt10: r.overlap ?? 0, added: r.added, dropped: r.dropped, reviews: reviewsPerListener.get(r.listenerId) ?? 0 }))
    : [];
  const summary = panel?.[1] ?? null;

  return {
    model: target.modelName,
    shelfSlug: target.shelfSlug,
    version: target.version,
    baseline: baselineRow ? { version: baselineRow.version, isProduction: true } : null,
    panel: panelSize,
    verdicts,
    total,
    worseShare: total > 0 ? verdicts.worse / total : null,
    reviewers: new Set(reviews.map((r) => r.reviewerId)).size,
    listenersReviewed: reviewsPerListener.size,
    gate: policy ? { minReviews: policy.minReviews, maxWorseShare: policy.maxWorseShare } : null,
    flagged,
    biggestChanges,
    comments: reviews
      .filter((r) => r.comment.trim() !== "")
      .slice(0, TOP.comments)
      .map((r) => ({ listener: r.listener.externalId, verdict: r.verdict, comment: r.comment, reviewer: r.reviewer.name, at: r.updatedAt.toISOString() })),
    distributions: summary && { rbo: summary.rbo, overlapAtK: summary.overlapAtK, k: summary.k, candidate: summary.candidate, baseline: summary.baseline },
  };
}

/** Items flagged in the reviews, most flagged first, with the count of each flag and of listeners. */
async function flaggedItems(reviews: { listenerId: number; itemFlags: unknown }[]): Promise<FlaggedItemDto[]> {
  const byItem = new Map<number, { flags: Partial<Record<ItemFlag, number>>; listeners: Set<number>; total: number }>();
  for (const r of reviews) {
    for (const f of parseFlags(r.itemFlags)) {
      const entry = byItem.get(f.itemId) ?? { flags: {}, listeners: new Set<number>(), total: 0 };
      for (const flag of f.flags) entry.flags[flag] = (entry.flags[flag] ?? 0) + 1;
      entry.listeners.add(r.listenerId);
      entry.total += f.flags.length;
      byItem.set(f.itemId, entry);
    }
  }
  const top = [...byItem.entries()].sort((a, b) => b[1].total - a[1].total || a[0] - b[0]).slice(0, TOP.flagged);
  if (top.length === 0) return [];
  const items = await db().item.findMany({ where: { id: { in: top.map(([id]) => id) } }, select: { id: true, uri: true, title: true, creator: true, type: true } });
  const byId = new Map(items.map((i) => [i.id, i]));
  return top.map(([id, e]) => {
    const item = byId.get(id);
    return { uri: item?.uri ?? `unknown:${id}`, title: item?.title ?? "(item no longer in the catalogue)", creator: item?.creator ?? "", type: item?.type ?? "unknown", flags: e.flags, listeners: e.listeners.size };
  });
}
