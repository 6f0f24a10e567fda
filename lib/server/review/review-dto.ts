import "server-only";
import type { Change, ListComparison } from "../../review/annotate";
import type { QueuePosition } from "../../review/queue";
import type { ItemFlag, QueueFiltersValue, Verdict } from "../../schemas/review";

// The shapes the review page receives: plain data, no Prisma types, every string as ingested (the
// page renders them as text) and image URLs already reduced to https: ones or null.

/** new | moved (by > 0: the candidate ranks it higher) | same | dropped | kept (a baseline item still listed, at `to`). */
export type ItemChange = Change;

export type ReviewItemDto = {
  uri: string;
  rank: number;
  title: string;
  creator: string;
  type: string;
  imageUrl: string | null;
  score: number;
  reason: string;
  change: ItemChange;
  /** The listener played it recently. */
  recent: boolean;
};

export type ListenerContextDto = {
  id: string;
  isNew: boolean;
  country: string;
  topGenres: string[];
  recentListens: { uri: string; title: string; type: string; creator: string }[];
};

/** How the two lists of one listener differ, as lib/review/annotate computes it. */
export type ComparisonDto = ListComparison;

export type MyReviewDto = { verdict: Verdict; itemFlags: { uri: string; flags: ItemFlag[] }[]; comment: string; updatedAt: string };

export type ReviewProgressDto = { mine: number; everyone: number; panel: number };

export type ReviewTargetDto = {
  model: string;
  shelfSlug: string;
  shelfTitle: string;
  candidate: number;
  baseline: number | null;
  baselineIsProduction: boolean;
};

export type ReviewListenerView = {
  target: ReviewTargetDto;
  filters: QueueFiltersValue;
  /** Null when the queue is empty under the filters. */
  listener: ListenerContextDto | null;
  candidate: ReviewItemDto[];
  baseline: ReviewItemDto[] | null;
  comparison: ComparisonDto | null;
  myReview: MyReviewDto | null;
  /** Reviews of this listener and candidate by other reviewers. */
  otherReviews: number;
  queue: QueuePosition;
  progress: ReviewProgressDto;
  canReview: boolean;
  countries: string[];
};
