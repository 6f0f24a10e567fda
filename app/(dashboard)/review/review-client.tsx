"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ComparisonCard } from "@/components/review/comparison-card";
import { KeyHelp } from "@/components/review/key-help";
import { ListenerCard } from "@/components/review/listener-card";
import { QueueControls } from "@/components/review/queue-controls";
import { RankedList } from "@/components/review/ranked-list";
import { ReviewProgress } from "@/components/review/review-progress";
import { useReviewDrafts } from "@/components/review/use-review-drafts";
import { useReviewKeys } from "@/components/review/use-review-keys";
import { VerdictBar } from "@/components/review/verdict-bar";
import { fetchReviewListener, reviewKeys, type ReviewQueueKey } from "@/lib/queries/review";
import type { ReviewTargetsDto } from "@/lib/review/default-candidate";
import { reviewHref } from "@/lib/review/review-url";
import { ITEM_FLAGS, type ItemFlag, type Verdict } from "@/lib/schemas/review";
import { submitReviewAction } from "@/lib/server/actions/review";
import type { ReviewListenerView, ReviewProgressDto } from "@/lib/server/review/review-dto";

type Status = { tone: "ok" | "bad" | "info"; text: string } | null;

const maxProgress = (a: ReviewProgressDto, b: ReviewProgressDto | null): ReviewProgressDto =>
  b ? { mine: Math.max(a.mine, b.mine), everyone: Math.max(a.everyone, b.everyone), panel: a.panel } : a;

/** The review queue: one listener at a time, driven from the keyboard, the next listener prefetched. */
export function ReviewClient({ queue, initial, targets }: { queue: ReviewQueueKey; initial: ReviewListenerView; targets: ReviewTargetsDto }) {
  const queryClient = useQueryClient();
  const [listenerId, setListenerId] = useState(initial.listener!.id);
  const [focusIndex, setFocusIndex] = useState(0);
  const [flagMenuOpen, setFlagMenuOpen] = useState(false);
  const [commentOpen, setCommentOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState<{ listener: string; verdict: Verdict } | null>(null);
  // Counts only grow, so the highest seen (from a view or a save) is the current one.
  const [progressFloor, setProgressFloor] = useState<ReviewProgressDto | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const drafts = useReviewDrafts();

  const query = useQuery({
    queryKey: reviewKeys.listener(queue, listenerId),
    queryFn: ({ signal }) => fetchReviewListener(queue, listenerId, signal),
    placeholderData: keepPreviousData,
  });
  const view = query.data ?? initial;
  const shownId = view.listener?.id ?? listenerId;
  const loading = query.isPlaceholderData || (query.isFetching && !query.data);

  // Prefetch two listeners ahead and one behind, so that moving on shows data already in memory.
  const next = view.queue.next;
  const prev = view.queue.prev;
  useEffect(() => {
    let cancelled = false;
    const prefetch = (id: string) => queryClient.prefetchQuery({ queryKey: reviewKeys.listener(queue, id), queryFn: ({ signal }) => fetchReviewListener(queue, id, signal) });
    (async () => {
      if (prev) void prefetch(prev);
      if (!next) return;
      await prefetch(next);
      const after = queryClient.getQueryData<ReviewListenerView>(reviewKeys.listener(queue, next))?.queue.next;
      if (!cancelled && after) void prefetch(after);
    })();
    return () => {
      cancelled = true;
    };
  }, [next, prev, queue, queryClient]);

  const move = (id: string) => {
    setListenerId(id);
    setFocusIndex(0);
    setFlagMenuOpen(false);
    setCommentOpen(false);
    // The URL follows the queue (reload or share lands on the same listener) without a server render.
    window.history.replaceState(null, "", reviewHref({ model: queue.model, candidate: queue.version, baseline: queue.filters.baseline, newOnly: queue.filters.new, country: queue.filters.country, sort: queue.filters.sort, unreviewed: queue.filters.unreviewed, listener: id }));
  };

  const mutation = useMutation({
    mutationFn: async (input: Parameters<typeof submitReviewAction>[0]) => {
      const result = await submitReviewAction(input);
      if (!result.ok) throw new Error(result.error + (result.fields?.length ? ` (${result.fields.map((f) => `${f.path}: ${f.message}`).join("; ")})` : ""));
      return result.data!;
    },
    onSuccess: (result, input) => {
      queryClient.setQueryData<ReviewListenerView>(reviewKeys.listener(queue, input.listener), (old) => old && { ...old, myReview: result.review, progress: result.progress });
      // Other listeners' views carry the old progress and neighbours: refetch them when next shown.
      void queryClient.invalidateQueries({ queryKey: reviewKeys.queue(queue), refetchType: "none" });
      setProgressFloor((floor) => maxProgress(result.progress, floor));
      drafts.clear(input.listener);
      setStatus({ tone: "ok", text: `Saved “${input.verdict}” for ${input.listener}.` });
    },
    onError: (error, input) => setStatus({ tone: "bad", text: `Not saved for ${input.listener}: ${error.message} Press k to go back and try again.` }),
    onSettled: () => setSaving(null),
  });

  const myReview = view.myReview;
  const draft = drafts.draftFor(shownId, myReview);
  // While the next listener loads, the previous one stays on screen: keys must not act on it.
  const ready = view.listener?.id === listenerId;
  const giveVerdict = (verdict: Verdict) => {
    if (!view.canReview || !view.listener) return;
    if (!ready) return setStatus({ tone: "info", text: `Still loading ${listenerId}…` });
    const listener = view.listener.id;
    setSaving({ listener, verdict });
    mutation.mutate({
      model: queue.model,
      version: queue.version,
      listener,
      baselineVersion: view.target.baseline,
      verdict,
      itemFlags: [...draft.flags].map(([uri, flags]) => ({ uri, flags: [...flags] })),
      comment: draft.comment,
    });
    if (next) move(next);
    else setStatus({ tone: "info", text: "That was the last listener of this queue." });
  };

  // Rendered and focused within the key's own event, so that the next keystrokes land in the box.
  const openComment = () => {
    flushSync(() => setCommentOpen(true));
    commentRef.current?.focus();
  };
  // Keys work once the page is interactive; the marker tells a browser test when that is.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const { toggleFlag: toggleDraftFlag } = drafts;
  const toggleFlag = useCallback((uri: string, flag: ItemFlag) => toggleDraftFlag(shownId, myReview, uri, flag), [toggleDraftFlag, shownId, myReview]);
  const closeFlagMenu = useCallback(() => setFlagMenuOpen(false), []);
  const focused = view.candidate[focusIndex];
  useReviewKeys((key) => {
    if (helpOpen) return key === "?" ? (setHelpOpen(false), true) : false; // the dialog has the keyboard
    if (flagMenuOpen && focused) {
      const flag = ITEM_FLAGS[Number(key) - 1];
      if (flag) return drafts.toggleFlag(shownId, myReview, focused.uri, flag), true;
      if (key === "Escape" || key === "f" || key === "Enter") return setFlagMenuOpen(false), true;
    }
    switch (key) {
      case "1": case "2": case "3":
        return giveVerdict((["better", "same", "worse"] as const)[Number(key) - 1]!), true;
      case "j":
        return next ? (move(next), true) : true;
      case "k":
        return prev ? (move(prev), true) : true;
      case "ArrowDown":
        return setFocusIndex((i) => Math.min(view.candidate.length - 1, i + 1)), true;
      case "ArrowUp":
        return setFocusIndex((i) => Math.max(0, i - 1)), true;
      case "f":
        return view.canReview && ready && focused ? (setFlagMenuOpen((o) => !o), true) : false;
      case "c":
        if (!view.canReview || !ready) return false;
        openComment();
        return true;
      case "?":
        return setHelpOpen(true), true;
      case "Escape":
        return setFlagMenuOpen(false), setCommentOpen(false), true;
      default:
        return false;
    }
  });

  const baselineLabel = view.target.baseline === null ? "No baseline" : `${view.target.baselineIsProduction ? "Production" : "Baseline"} v${view.target.baseline}`;
  const isSavingHere = saving?.listener === shownId ? saving.verdict : null;

  return (
    <div className="space-y-4" data-testid="review-queue" data-interactive={interactive ? "true" : undefined}>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <QueueControls targets={targets} model={queue.model} candidate={queue.version} baseline={view.target.baseline} filters={queue.filters} countries={view.countries} onShowKeys={() => setHelpOpen(true)} />
        <div className="mt-4 border-t border-slate-100 pt-3">
          <ReviewProgress progress={maxProgress(view.progress, progressFloor)} position={view.queue} />
        </div>
      </div>

      {query.isError && !query.isPlaceholderData && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-bad">
          {query.error.message} <button type="button" className="underline" onClick={() => void query.refetch()}>Try again</button>
        </p>
      )}
      {view.queue.position === null && view.listener && (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600">This listener is outside the queue’s filters now (for instance, you just reviewed them); j and k move to the listeners around them that are in it.</p>
      )}

      <div className={`grid gap-4 lg:grid-cols-[17rem_minmax(0,1fr)] ${loading ? "opacity-60 transition-opacity" : ""}`} aria-busy={loading}>
        <aside className="space-y-4">
          {view.listener && <ListenerCard listener={view.listener} />}
          <ComparisonCard comparison={view.comparison} />
          {view.otherReviews > 0 && <p className="px-1 text-xs text-slate-500">{view.otherReviews} other reviewer{view.otherReviews > 1 ? "s have" : " has"} reviewed this listener.</p>}
        </aside>
        <div className="grid min-w-0 gap-4 md:grid-cols-2">
          <RankedList
            side="candidate"
            heading={<><h2 className="text-sm font-semibold text-slate-900">Candidate v{view.target.candidate}</h2><span className="text-xs text-slate-500">{view.candidate.length} items · ↑↓ to focus, f to flag</span></>}
            items={view.candidate}
            focusIndex={focusIndex}
            flags={draft.flags}
            flagMenuOpen={flagMenuOpen}
            canFlag={view.canReview}
            onFocusItem={setFocusIndex}
            onToggleFlag={toggleFlag}
            onCloseFlagMenu={closeFlagMenu}
          />
          {view.baseline ? (
            <RankedList side="baseline" heading={<><h2 className="text-sm font-semibold text-slate-900">{baselineLabel}</h2><span className="text-xs text-slate-500">{view.baseline.length} items</span></>} items={view.baseline} />
          ) : (
            <section className="grid place-items-center rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500">{baselineLabel}: this listener has no list to compare with.</section>
          )}
        </div>
      </div>

      <VerdictBar
        canReview={view.canReview}
        saved={myReview?.verdict ?? null}
        saving={isSavingHere}
        dirty={drafts.isDirty(shownId, myReview)}
        flagCount={draft.flags.size}
        comment={draft.comment}
        commentOpen={commentOpen || draft.comment !== ""}
        commentRef={commentRef}
        status={status}
        prev={prev}
        next={next}
        onVerdict={giveVerdict}
        onComment={(text) => drafts.setComment(shownId, myReview, text)}
        onToggleComment={openComment}
        onCommentKey={(e) => {
          if ((e.key === "Enter" && !e.shiftKey) || e.key === "Escape") {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
        onMove={move}
      />
      <KeyHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
