"use client";

import { useEffect, useRef } from "react";

const KEYS: [string, string][] = [
  ["1", "Better: save the verdict and move to the next listener"],
  ["2", "Same: save and move on"],
  ["3", "Worse: save and move on"],
  ["j / k", "Next / previous listener (without a verdict)"],
  ["↓ / ↑", "Focus the next / previous item of the candidate's list"],
  ["f", "Flag the focused item, then 1–4 to pick the flag, Esc when done"],
  ["c", "Write a comment (Enter keeps it, Esc leaves the box)"],
  ["?", "Show or hide these keys"],
];

/** The keyboard reference, as a modal dialog (Esc or ? closes it). */
export function KeyHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="review-keys-title" className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="p-5">
        <h2 id="review-keys-title" className="text-base font-semibold text-slate-900">Keyboard</h2>
        <p className="mt-1 text-sm text-slate-600">Flags and the comment are saved with the verdict.</p>
        <dl className="mt-4 grid grid-cols-[5rem_1fr] gap-x-4 gap-y-2 text-sm">
          {KEYS.map(([key, what]) => (
            <div key={key} className="contents">
              <dt><kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-[0_1px_0_0] shadow-slate-300">{key}</kbd></dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-5 text-right">
          <button type="button" onClick={onClose} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">Close</button>
        </div>
      </div>
    </dialog>
  );
}
