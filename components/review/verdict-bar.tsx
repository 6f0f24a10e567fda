"use client";

import { ChevronLeft, ChevronRight, MessageSquare, ThumbsDown, ThumbsUp, Equal } from "lucide-react";
import type { Ref } from "react";
import type { Verdict } from "@/lib/schemas/review";

const VERDICTS: { verdict: Verdict; key: string; label: string; Icon: typeof ThumbsUp; on: string; off: string }[] = [
  { verdict: "better", key: "1", label: "Better", Icon: ThumbsUp, on: "bg-green-600 text-white ring-green-600", off: "text-green-800 ring-green-300 hover:bg-green-50" },
  { verdict: "same", key: "2", label: "Same", Icon: Equal, on: "bg-slate-700 text-white ring-slate-700", off: "text-slate-800 ring-slate-300 hover:bg-slate-50" },
  { verdict: "worse", key: "3", label: "Worse", Icon: ThumbsDown, on: "bg-red-600 text-white ring-red-600", off: "text-red-800 ring-red-300 hover:bg-red-50" },
];

type Props = {
  canReview: boolean;
  saved: Verdict | null;
  saving: Verdict | null;
  dirty: boolean;
  flagCount: number;
  comment: string;
  commentOpen: boolean;
  commentRef: Ref<HTMLTextAreaElement>;
  status: { tone: "ok" | "bad" | "info"; text: string } | null;
  prev: string | null;
  next: string | null;
  onVerdict: (verdict: Verdict) => void;
  onComment: (text: string) => void;
  onToggleComment: () => void;
  onCommentKey: (event: React.KeyboardEvent<HTMLTextAreaElement>) => void;
  onMove: (listener: string) => void;
};

const TONE = { ok: "text-ok", bad: "text-bad", info: "text-slate-600" };

/** The verdict buttons (keys 1/2/3), the comment, moving between listeners, and what was saved. */
export function VerdictBar(p: Props) {
  return (
    <div className="sticky bottom-0 z-20 -mx-4 mt-4 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_-6px_rgba(15,23,42,0.15)] backdrop-blur">
      {p.commentOpen && (
        <div className="mb-3">
          <label htmlFor="review-comment" className="text-xs font-medium text-slate-600">Comment (saved with the verdict; Enter keeps it, Shift+Enter for a new line)</label>
          <textarea
            id="review-comment"
            ref={p.commentRef}
            value={p.comment}
            maxLength={2000}
            rows={2}
            disabled={!p.canReview}
            onChange={(e) => p.onComment(e.target.value)}
            onKeyDown={p.onCommentKey}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand"
            placeholder="What stood out for this listener?"
          />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex gap-2" role="group" aria-label="Verdict">
          {VERDICTS.map(({ verdict, key, label, Icon, on, off }) => {
            const active = (p.saving ?? p.saved) === verdict;
            return (
              <button
                key={verdict}
                type="button"
                disabled={!p.canReview}
                aria-pressed={active}
                aria-keyshortcuts={key}
                data-testid={`verdict-${verdict}`}
                onClick={() => p.onVerdict(verdict)}
                className={`inline-flex items-center gap-2 rounded-md px-3.5 py-2 text-sm font-semibold ring-1 ring-inset transition disabled:cursor-not-allowed disabled:opacity-50 ${active ? on : `bg-white ${off}`}`}
              >
                <kbd className={`rounded px-1 font-mono text-xs ${active ? "bg-white/20" : "bg-slate-100 text-slate-500"}`}>{key}</kbd>
                <Icon className="size-4" aria-hidden />
                {label}
              </button>
            );
          })}
        </div>
        <button type="button" onClick={p.onToggleComment} disabled={!p.canReview} aria-keyshortcuts="c" className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-50">
          <MessageSquare className="size-4" aria-hidden />
          {p.comment ? "Edit comment" : "Comment"} <kbd className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-500">c</kbd>
        </button>
        <p className="min-w-0 flex-1 truncate text-sm" role="status" aria-live="polite" data-testid="review-status">
          {!p.canReview ? (
            <span className="text-slate-500">You can look at the queue; reviewers, leads and admins give verdicts.</span>
          ) : p.status?.tone === "bad" ? (
            <span className={TONE.bad}>{p.status.text}</span>
          ) : p.dirty ? (
            <span className="text-warn">{p.flagCount > 0 ? `${p.flagCount} flagged item${p.flagCount > 1 ? "s" : ""}` : "Changes"} not saved yet: give a verdict to save.</span>
          ) : p.status ? (
            <span className={TONE[p.status.tone]}>{p.status.text}</span>
          ) : p.saved ? (
            <span className="text-slate-500">Your verdict: <span className="font-medium text-slate-800">{p.saved}</span></span>
          ) : (
            <span className="text-slate-400">No verdict yet.</span>
          )}
        </p>
        <div className="flex gap-1">
          <button type="button" disabled={!p.prev} onClick={() => p.prev && p.onMove(p.prev)} aria-keyshortcuts="k" className="inline-flex items-center gap-1 rounded-md px-2 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40">
            <ChevronLeft className="size-4" aria-hidden />Prev <kbd className="font-mono text-xs text-slate-400">k</kbd>
          </button>
          <button type="button" disabled={!p.next} onClick={() => p.next && p.onMove(p.next)} aria-keyshortcuts="j" className="inline-flex items-center gap-1 rounded-md px-2 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40">
            Next <kbd className="font-mono text-xs text-slate-400">j</kbd><ChevronRight className="size-4" aria-hidden />
          </button>
        </div>
      </div>
    </div>
  );
}
