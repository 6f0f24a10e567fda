import { ArrowDown, ArrowRight, ArrowUp, Minus, Plus, X } from "lucide-react";
import type { ItemChange } from "@/lib/server/review/review-dto";

/** What happened to an item between the two lists: new, moved up/down n places, same, dropped, kept. */
export function ChangeBadge({ change, rank }: { change: ItemChange; rank: number }) {
  const base = "inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-[11px] font-semibold tabular whitespace-nowrap";
  switch (change.kind) {
    case "new":
      return <span className={`${base} bg-green-100 text-green-800`} title="Not in the baseline's list"><Plus className="size-3" aria-hidden />new</span>;
    case "moved":
      return change.by > 0 ? (
        <span className={`${base} bg-sky-100 text-sky-800`} title={`Was #${change.from} in the baseline's list`}><ArrowUp className="size-3" aria-hidden />{change.by}<span className="sr-only"> places up</span></span>
      ) : (
        <span className={`${base} bg-amber-100 text-amber-800`} title={`Was #${change.from} in the baseline's list`}><ArrowDown className="size-3" aria-hidden />{-change.by}<span className="sr-only"> places down</span></span>
      );
    case "same":
      return <span className={`${base} text-slate-400`} title="Same rank in both lists"><Minus className="size-3" aria-hidden /><span className="sr-only">same rank</span></span>;
    case "dropped":
      return <span className={`${base} bg-red-100 text-red-800`} title="Not in the candidate's list"><X className="size-3" aria-hidden />dropped</span>;
    case "kept":
      if (change.to === rank) return <span className={`${base} text-slate-400`} title="Same rank in both lists"><Minus className="size-3" aria-hidden /><span className="sr-only">same rank</span></span>;
      return <span className={`${base} text-slate-500`} title={`Rank ${change.to} in the candidate's list`}><ArrowRight className="size-3" aria-hidden />#{change.to}</span>;
  }
}
