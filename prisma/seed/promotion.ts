import type { Prisma, Verdict } from "../../lib/generated/prisma/client";
import { evaluateGate, type GateEvidence } from "../../lib/gate/evaluate";
import type { SeedDb } from "./batch";
import { DEFAULT_SEED, rngFor } from "./random";

const COMMENTS: Record<Verdict, string[]> = {
  better: ["More shows in genres they actually play.", "Fresher picks, less repetition.", "The top three are spot on.", ""],
  same: ["Mostly reshuffled, nothing new.", "Hard to tell apart.", ""],
  worse: ["Lost the shows they listen to every week.", "Too many episodes of one series.", "Picks feel stale."],
};

export type SeedReviewsOptions = { versionId: number; reviewerId: string; baselineVersionId?: number | null; count?: number; now?: Date; seed?: number };

/**
 * Reviews by one reviewer of the candidate for the first `count` listeners of the panel (default 8),
 * so that the review queue shows progress and most listeners are still pending.
 */
export async function seedReviews(db: SeedDb, options: SeedReviewsOptions): Promise<{ reviewCount: number }> {
  const rng = rngFor(options.seed ?? DEFAULT_SEED, `reviews:${options.versionId}:${options.reviewerId}`);
  const samples = await db.recommendationSample.findMany({
    where: { versionId: options.versionId },
    select: { listenerId: true, itemIds: true },
    orderBy: { listener: { externalId: "asc" } },
    take: options.count ?? 8,
  });
  const now = options.now ?? new Date();
  const rows: Prisma.ReviewCreateManyInput[] = samples.map((s, i) => {
    const verdict = rng.weighted<Verdict>(["better", "same", "worse"], [0.55, 0.3, 0.15]);
    const flagged = verdict === "better" || s.itemIds.length === 0 ? [] : [{ itemId: rng.pick(s.itemIds), flags: [rng.pick(["irrelevant", "repeated", "stale"])] }];
    // Reviews spread over the hours since the candidate was sampled, oldest first.
    const at = new Date(now.getTime() - (samples.length - i) * 23 * 60_000);
    return {
      versionId: options.versionId,
      baselineVersionId: options.baselineVersionId ?? null,
      listenerId: s.listenerId,
      reviewerId: options.reviewerId,
      verdict,
      itemFlags: flagged,
      comment: rng.pick(COMMENTS[verdict]),
      createdAt: at,
      updatedAt: at,
    };
  });
  if (rows.length) await db.review.createMany({ data: rows });
  return { reviewCount: rows.length };
}

/** What the engineer writes when asking: the primary metric's move against production. */
function requestReason(version: number, metric: string, evidence: GateEvidence): string {
  const candidate = evidence.candidate.scores[metric];
  const production = evidence.production?.scores[metric];
  if (candidate === undefined || production === undefined) return `Weekly retrain v${version}; asking for review.`;
  const delta = candidate - production;
  return `Weekly retrain v${version}: ${metric} ${delta >= 0 ? "+" : "−"}${Math.abs(delta).toFixed(4)} against production; asking for review.`;
}

export type SeedPendingPromotionOptions = {
  modelId: number;
  /** Defaults to the newest version. */
  candidateVersionId?: number;
  requestedBy?: string;
  requestedByUserId?: string | null;
  now?: Date;
};

/** Opens the pending promotion request of a candidate, with the gate's evidence and checks as of now. */
export async function seedPendingPromotion(db: SeedDb, options: SeedPendingPromotionOptions): Promise<{ requestId: number; passed: boolean }> {
  const now = options.now ?? new Date();
  const model = await db.model.findUniqueOrThrow({
    where: { id: options.modelId },
    select: { gatePolicy: true, aliases: { where: { alias: "production" }, select: { versionId: true } } },
  });
  const candidate = await db.modelVersion.findFirstOrThrow({
    where: options.candidateVersionId === undefined ? { modelId: options.modelId } : { id: options.candidateVersionId },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
  const productionId = model.aliases[0]?.versionId ?? null;
  const production = productionId === null ? null : await db.modelVersion.findUniqueOrThrow({ where: { id: productionId }, select: { id: true, version: true } });
  const scoresOf = async (versionId: number) =>
    Object.fromEntries((await db.evaluation.findMany({ where: { versionId, dataset: "" }, select: { metric: true, value: true } })).map((e) => [e.metric, e.value]));
  const verdicts = await db.review.groupBy({ by: ["verdict"], where: { versionId: candidate.id }, _count: { _all: true } });
  const tally = { better: 0, same: 0, worse: 0 };
  for (const v of verdicts) tally[v.verdict] = v._count._all;
  const total = tally.better + tally.same + tally.worse;
  const evidence: GateEvidence = {
    candidate: { version: candidate.version, scores: await scoresOf(candidate.id) },
    production: production && { version: production.version, scores: await scoresOf(production.id) },
    // No validation report exists at seed time: the request shows that as missing evidence.
    skew: null,
    reviews: total ? { total, ...tally } : null,
    now,
  };
  const policy = model.gatePolicy ?? { primaryMetric: "ndcg@10", direction: "higher_is_better" as const, absoluteThreshold: null, maxRegression: null, skewFreeDays: null, minReviews: 0, maxWorseShare: null, approvalsRequired: 1, forbidSelfApproval: true };
  const result = evaluateGate(policy, evidence);
  const request = await db.promotionRequest.create({
    data: {
      modelId: options.modelId,
      versionId: candidate.id,
      expectedProductionVersionId: production?.id ?? null,
      status: "pending",
      pendingKey: options.modelId,
      source: "user",
      requestedBy: options.requestedBy ?? "engineer@shelfwatch.demo",
      requestedByUserId: options.requestedByUserId ?? null,
      reason: requestReason(candidate.version, policy.primaryMetric, evidence),
      evidence: { ...evidence, now: now.toISOString() } as Prisma.InputJsonValue,
      checks: result.checks as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
    select: { id: true },
  });
  return { requestId: request.id, passed: result.passed };
}
