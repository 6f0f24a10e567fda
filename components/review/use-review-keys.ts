"use client";

import { useEffect, useRef } from "react";

/** True when a key press belongs to a field the user is typing in (or choosing from), not to the queue. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}

/**
 * Calls `onKey` for the review queue's keys on the whole page, except while typing in a field or with
 * Ctrl/Alt/Meta held (the browser's own shortcuts). `onKey` returns true when it used the key, which
 * then does nothing else (no scrolling on ↓, no "c" typed into the comment it opens).
 */
export function useReviewKeys(onKey: (key: string) => boolean) {
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      if (latest.current(event.key)) event.preventDefault();
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
