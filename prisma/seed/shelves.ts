import type { MetricDirection } from "../../lib/generated/prisma/client";
import type { SeedDb } from "./batch";

/** How one shelf's model behaves over the demo year: offline level, gate threshold, online traffic. */
export type ShelfSpec = {
  slug: string;
  title: string;
  description: string;
  team: string;
  modelName: string;
  modelDescription: string;
  position: number;
  /** ndcg@10 of version 1 and of the last production version; the year trends between them. */
  ndcgStart: number;
  ndcgEnd: number;
  threshold: number;
  /** The newest candidate's ndcg@10 lands this far below the threshold (null: above it, as usual). */
  candidateBelowThresholdBy: number | null;
  impressionsPerDay: number;
  streamRate: number;
  minutesPerStream: number;
};

export const SHELVES: readonly ShelfSpec[] = [
  {
    slug: "shows-you-might-like",
    title: "Shows you might like",
    description: "Podcasts picked for each listener from what they and similar listeners play.",
    team: "Podcast Discovery",
    modelName: "podcast-model",
    modelDescription: "Two-tower retrieval over podcast shows, reranked by a gradient-boosted model.",
    position: 0,
    ndcgStart: 0.318,
    ndcgEnd: 0.351,
    threshold: 0.3,
    candidateBelowThresholdBy: null,
    impressionsPerDay: 1_800_000,
    streamRate: 0.041,
    minutesPerStream: 24,
  },
  {
    slug: "shortcuts",
    title: "Shortcuts",
    description: "The albums, playlists and shows a listener is most likely to resume right now.",
    team: "Home Core",
    modelName: "shortcuts-model",
    modelDescription: "Sequence model over recent listening, conditioned on time of day and device.",
    position: 1,
    ndcgStart: 0.452,
    ndcgEnd: 0.478,
    threshold: 0.42,
    candidateBelowThresholdBy: null,
    impressionsPerDay: 4_200_000,
    streamRate: 0.118,
    minutesPerStream: 31,
  },
  {
    slug: "try-something-else",
    title: "Try something else",
    description: "Deliberately unfamiliar picks, to widen what a listener explores.",
    team: "Exploration Lab",
    modelName: "exploration-model",
    modelDescription: "Contextual bandit over genre clusters outside the listener's usual taste.",
    position: 2,
    ndcgStart: 0.204,
    ndcgEnd: 0.226,
    threshold: 0.2,
    candidateBelowThresholdBy: 0.009,
    impressionsPerDay: 900_000,
    streamRate: 0.022,
    minutesPerStream: 17,
  },
];

/** The declared offline metrics; popularity_bias is the one where lower is better. */
export const METRICS: readonly { name: string; direction: MetricDirection; description: string }[] = [
  { name: "ndcg@10", direction: "higher_is_better", description: "Normalised discounted cumulative gain of the top 10 on next-week listens." },
  { name: "recall@50", direction: "higher_is_better", description: "Share of next-week listens found in the top 50." },
  { name: "coverage", direction: "higher_is_better", description: "Share of the eligible catalogue recommended to at least one listener." },
  { name: "diversity", direction: "higher_is_better", description: "Mean pairwise genre distance within a list of 10." },
  { name: "popularity_bias", direction: "lower_is_better", description: "Mean popularity percentile of recommended items." },
];

export const PRIMARY_METRIC = "ndcg@10";

/** The gate every demo model starts with (thresholds differ per shelf). */
export const DEFAULT_POLICY = {
  primaryMetric: PRIMARY_METRIC,
  direction: "higher_is_better" as MetricDirection,
  maxRegression: 0.01,
  skewFreeDays: 7,
  minReviews: 20,
  maxWorseShare: 0.3,
  approvalsRequired: 1,
  forbidSelfApproval: true,
};

/** The spec of a demo shelf, or a plausible one for any other slug (tests invent their own). */
export function shelfSpec(slug: string): ShelfSpec {
  const known = SHELVES.find((s) => s.slug === slug);
  if (known) return known;
  const title = slug.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
  return { ...SHELVES[0], slug, title, description: `${title}, a test shelf.`, modelName: `${slug}-model`, position: 9 };
}

/** Creates a shelf; returns its id. */
export async function seedShelf(db: SeedDb, options: { slug?: string; title?: string; team?: string; position?: number; now?: Date } = {}): Promise<{ shelfId: number }> {
  const spec = shelfSpec(options.slug ?? SHELVES[0].slug);
  const shelf = await db.shelf.create({
    data: {
      slug: spec.slug,
      title: options.title ?? spec.title,
      description: spec.description,
      team: options.team ?? spec.team,
      position: options.position ?? spec.position,
      createdAt: options.now ?? new Date(),
    },
    select: { id: true },
  });
  return { shelfId: shelf.id };
}

export type SeedModelOptions = {
  slug?: string;
  modelName?: string;
  /** Reuse an existing shelf instead of creating one. */
  shelfId?: number;
  threshold?: number;
  policy?: Partial<typeof DEFAULT_POLICY & { absoluteThreshold: number | null }>;
  now?: Date;
};

/** Creates a shelf (unless given), its model, the declared metrics and the gate policy. */
export async function seedModel(db: SeedDb, options: SeedModelOptions = {}): Promise<{ shelfId: number; modelId: number; slug: string; modelName: string }> {
  const spec = shelfSpec(options.slug ?? SHELVES[0].slug);
  const now = options.now ?? new Date();
  const shelfId = options.shelfId ?? (await seedShelf(db, { slug: spec.slug, now })).shelfId;
  const modelName = options.modelName ?? spec.modelName;
  const model = await db.model.create({
    data: { name: modelName, shelfId, description: spec.modelDescription, createdAt: now },
    select: { id: true },
  });
  await db.metricDefinition.createMany({ data: METRICS.map((m) => ({ modelId: model.id, ...m })) });
  await db.gatePolicy.create({
    data: {
      modelId: model.id,
      ...DEFAULT_POLICY,
      absoluteThreshold: options.threshold ?? spec.threshold,
      ...options.policy,
      updatedAt: now,
      updatedBy: "seed",
    },
    select: { id: true },
  });
  return { shelfId, modelId: model.id, slug: spec.slug, modelName };
}
