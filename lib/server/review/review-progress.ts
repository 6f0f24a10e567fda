import "server-only";
import { db } from "../db";
import type { ReviewProgressDto } from "./review-dto";

/** How many listeners of the panel have a verdict on this candidate, from anyone. */
export async function listenersReviewed(candidateId: number): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "listenerId")::int AS n FROM "Review" WHERE "versionId" = ${candidateId}`;
  return row?.n ?? 0;
}

/** How far the review of a candidate has come: listeners reviewed by this reviewer, by anyone, of the panel. */
export async function reviewProgress(candidateId: number, reviewerId: string | null, panel: number): Promise<ReviewProgressDto> {
  const [mine, everyone] = await Promise.all([reviewerId ? db().review.count({ where: { versionId: candidateId, reviewerId } }) : 0, listenersReviewed(candidateId)]);
  return { mine, everyone, panel };
}
