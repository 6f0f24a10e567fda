"use client";

import { Flag, History } from "lucide-react";
import { memo, useEffect, useRef } from "react";
import type { ItemFlag } from "@/lib/schemas/review";
import type { ReviewItemDto } from "@/lib/server/review/review-dto";
import { ChangeBadge } from "./change-badge";
import { FlagMenu } from "./flag-menu";
import { ItemCover } from "./item-cover";

type Props = {
  side: "candidate" | "baseline";
  heading: React.ReactNode;
  items: ReviewItemDto[];
  /** Candidate side only: the focused row, its flags, and the flag menu. */
  focusIndex?: number;
  flags?: ReadonlyMap<string, readonly ItemFlag[]>;
  flagMenuOpen?: boolean;
  canFlag?: boolean;
  onFocusItem?: (index: number) => void;
  onToggleFlag?: (uri: string, flag: ItemFlag) => void;
  onCloseFlagMenu?: () => void;
};

const ROW_TONE: Record<string, string> = { new: "bg-green-50/60", dropped: "bg-red-50/70" };

type RowProps = {
  side: "candidate" | "baseline";
  item: ReviewItemDto;
  index: number;
  focused: boolean;
  itemFlags: readonly ItemFlag[];
  flagMenuOpen: boolean;
  onFocusItem?: (index: number) => void;
  onToggleFlag?: (uri: string, flag: ItemFlag) => void;
  onCloseFlagMenu?: () => void;
};

const NO_FLAGS: readonly ItemFlag[] = [];

// Memoized: moving the focus or flagging an item re-renders two rows, not the whole list.
const RankedRow = memo(function RankedRow({ side, item, index, focused, itemFlags, flagMenuOpen, onFocusItem, onToggleFlag, onCloseFlagMenu }: RowProps) {
  const ref = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "nearest" });
  }, [focused]);
  return (
    <li
      ref={ref}
      data-testid={`${side}-item`}
      data-change={item.change.kind}
      aria-current={focused ? "true" : undefined}
      onClick={onFocusItem ? () => onFocusItem(index) : undefined}
      className={`relative ${ROW_TONE[item.change.kind] ?? ""} ${focused ? "z-10 outline-2 -outline-offset-2 outline-brand" : ""} ${onFocusItem ? "cursor-pointer" : ""}`}
    >
      <div className="flex items-center gap-3 px-3 py-1.5">
        <span className="w-6 shrink-0 text-right text-xs font-medium tabular text-slate-400">{item.rank}</span>
        <ItemCover url={item.imageUrl} type={item.type} />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium text-slate-900" title={item.title} data-testid="item-title">{item.title}</p>
          <p className="truncate text-xs text-slate-500">
            {item.creator ? <>{item.creator} · </> : null}
            <span className="capitalize">{item.type}</span>
          </p>
        </div>
        {item.recent && (
          <span title="The listener played this recently" className="text-violet-600">
            <History className="size-4" aria-hidden />
            <span className="sr-only">played recently</span>
          </span>
        )}
        {itemFlags.length > 0 && (
          <span className="inline-flex items-center gap-1 rounded bg-rose-100 px-1.5 py-0.5 text-[11px] font-medium text-rose-800" data-testid="item-flags">
            <Flag className="size-3" aria-hidden />
            {itemFlags.join(", ")}
          </span>
        )}
        <ChangeBadge change={item.change} rank={item.rank} />
      </div>
      {focused && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 pb-2 pl-[4.75rem] text-xs text-slate-600">
          <span className="tabular">score {item.score.toFixed(4)}</span>
          {item.reason && <span className="truncate">“{item.reason}”</span>}
        </div>
      )}
      {focused && flagMenuOpen && onToggleFlag && onCloseFlagMenu && <FlagMenu active={itemFlags} onToggle={(flag) => onToggleFlag(item.uri, flag)} onClose={onCloseFlagMenu} />}
    </li>
  );
});

/** One ranked list of the comparison: rank, cover, title, creator and type, the change, flags; text only. */
export function RankedList({ side, heading, items, focusIndex = -1, flags, flagMenuOpen = false, canFlag, onFocusItem, onToggleFlag, onCloseFlagMenu }: Props) {
  return (
    <section aria-label={side === "candidate" ? "Candidate's list" : "Baseline's list"} className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex items-baseline justify-between gap-2 border-b border-slate-100 px-3 py-2">{heading}</header>
      {items.length === 0 ? (
        <p className="px-3 py-6 text-center text-sm text-slate-500">No recommendations in this sample.</p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid={`${side}-list`}>
          {items.map((item, index) => (
            <RankedRow
              key={item.uri}
              side={side}
              item={item}
              index={index}
              focused={index === focusIndex}
              itemFlags={flags?.get(item.uri) ?? NO_FLAGS}
              flagMenuOpen={index === focusIndex && flagMenuOpen && !!canFlag}
              onFocusItem={onFocusItem}
              onToggleFlag={onToggleFlag}
              onCloseFlagMenu={onCloseFlagMenu}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
