"use client";

import { useCallback, useState } from "react";
import type { ItemFlag } from "@/lib/schemas/review";
import type { MyReviewDto } from "@/lib/server/review/review-dto";

export type Draft = { flags: ReadonlyMap<string, readonly ItemFlag[]>; comment: string };

const fromReview = (review: MyReviewDto | null): Draft => ({
  flags: new Map((review?.itemFlags ?? []).map((f) => [f.uri, f.flags])),
  comment: review?.comment ?? "",
});

function sameDraft(a: Draft, b: Draft): boolean {
  if (a.comment.trim() !== b.comment.trim() || a.flags.size !== b.flags.size) return false;
  for (const [uri, flags] of a.flags) {
    const other = b.flags.get(uri);
    if (!other || other.length !== flags.length || flags.some((f) => !other.includes(f))) return false;
  }
  return true;
}

/**
 * Unsaved flags and comments, per listener: they survive moving back and forth in the queue and are
 * saved with the next verdict for that listener. Without a draft, a listener shows their saved review.
 */
export function useReviewDrafts() {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});

  const draftFor = useCallback((listener: string, saved: MyReviewDto | null): Draft => drafts[listener] ?? fromReview(saved), [drafts]);
  const isDirty = useCallback((listener: string, saved: MyReviewDto | null) => listener in drafts && !sameDraft(drafts[listener]!, fromReview(saved)), [drafts]);

  const toggleFlag = useCallback((listener: string, saved: MyReviewDto | null, uri: string, flag: ItemFlag) => {
    setDrafts((all) => {
      const current = all[listener] ?? fromReview(saved);
      const flags = new Map(current.flags);
      const now = flags.get(uri) ?? [];
      const next = now.includes(flag) ? now.filter((f) => f !== flag) : [...now, flag];
      if (next.length) flags.set(uri, next);
      else flags.delete(uri);
      return { ...all, [listener]: { ...current, flags } };
    });
  }, []);

  const setComment = useCallback((listener: string, saved: MyReviewDto | null, comment: string) => {
    setDrafts((all) => ({ ...all, [listener]: { ...(all[listener] ?? fromReview(saved)), comment } }));
  }, []);

  const clear = useCallback((listener: string) => {
    setDrafts((all) => {
      if (!(listener in all)) return all;
      const { [listener]: _, ...rest } = all;
      return rest;
    });
  }, []);

  return { draftFor, isDirty, toggleFlag, setComment, clear };
}
