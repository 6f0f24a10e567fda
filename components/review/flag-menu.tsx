"use client";

import { ITEM_FLAG_LABELS, ITEM_FLAGS, type ItemFlag } from "@/lib/schemas/review";

/** The flag kinds for the focused item: keys 1–4 (or a click) toggle them, f or Esc closes. */
export function FlagMenu({ active, onToggle, onClose }: { active: readonly ItemFlag[]; onToggle: (flag: ItemFlag) => void; onClose: () => void }) {
  return (
    <div role="group" aria-label="Flag this item" data-testid="flag-menu" className="mx-3 mb-2 flex flex-wrap items-center gap-1.5 rounded-md border border-rose-200 bg-rose-50 px-2 py-1.5" onClick={(e) => e.stopPropagation()}>
      <span className="mr-1 text-xs font-medium text-rose-900">Flag:</span>
      {ITEM_FLAGS.map((flag, i) => {
        const on = active.includes(flag);
        return (
          <button
            key={flag}
            type="button"
            aria-pressed={on}
            onClick={() => onToggle(flag)}
            className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${on ? "bg-rose-600 text-white ring-rose-600" : "bg-white text-rose-900 ring-rose-200 hover:bg-rose-100"}`}
          >
            <kbd className={`font-mono text-[10px] ${on ? "text-rose-100" : "text-rose-400"}`}>{i + 1}</kbd>
            {ITEM_FLAG_LABELS[flag]}
          </button>
        );
      })}
      <button type="button" onClick={onClose} className="ml-auto text-xs text-rose-700 hover:underline">
        done <kbd className="font-mono text-[10px]">Esc</kbd>
      </button>
    </div>
  );
}
