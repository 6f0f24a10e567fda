"use client";

import { Keyboard } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ReviewTargetsDto } from "@/lib/review/default-candidate";
import { reviewHref, type ReviewUrlState } from "@/lib/review/review-url";
import type { QueueFiltersValue } from "@/lib/schemas/review";

type Props = {
  targets: ReviewTargetsDto;
  model: string;
  candidate: number;
  /** The baseline in use (null: none); `filters.baseline` is only set when the URL chose one. */
  baseline: number | null;
  filters: QueueFiltersValue;
  countries: string[];
  /** Absent where there is no queue to drive from the keyboard (an empty queue). */
  onShowKeys?: () => void;
};

const select = "rounded-md border border-slate-300 bg-white py-1 pl-2 pr-7 text-sm text-slate-900 focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand";
const label = "flex flex-col gap-0.5 text-[11px] font-medium uppercase tracking-wide text-slate-500";

/**
 * The candidate and baseline pickers and the queue filters; each change is a new URL (and a new queue).
 * The fields are uncontrolled, so a click shows at once while the new queue loads; the page remounts
 * them from the URL when it arrives.
 */
export function QueueControls({ targets, model, candidate, baseline, filters, countries, onShowKeys }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const current: ReviewUrlState = {
    model,
    candidate,
    baseline: filters.baseline ?? null,
    newOnly: filters.new,
    country: filters.country ?? null,
    sort: filters.sort,
    unreviewed: filters.unreviewed,
  };
  // Changing the queue starts it from its first listener: the current one may not be in it.
  const go = (patch: Partial<ReviewUrlState>) => startTransition(() => router.push(reviewHref({ ...current, ...patch, listener: null })));
  const modelOption = targets.models.find((m) => m.model === model);
  // A country from the URL that no listener has still shows as chosen (and can be cleared).
  const countryOptions = filters.country && !countries.includes(filters.country) ? [...countries, filters.country] : countries;

  return (
    <div className={`flex flex-wrap items-end gap-x-4 gap-y-3 ${pending ? "opacity-70" : ""}`} aria-busy={pending}>
      <label className={label}>
        Candidate
        <select
          className={select}
          defaultValue={`${model}@${candidate}`}
          data-testid="pick-candidate"
          onChange={(e) => {
            const [m, v] = e.target.value.split("@");
            go({ model: m, candidate: Number(v), baseline: null });
          }}
        >
          {targets.models.map((m) => (
            <optgroup key={m.model} label={`${m.shelfTitle} (${m.model})`}>
              {m.versions.map((v) => (
                <option key={v} value={`${m.model}@${v}`}>
                  v{v}
                  {v === m.pendingPromotion ? " · promotion pending" : v === m.production ? " · production" : ""}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className={label}>
        Compared with
        <select className={select} defaultValue={filters.baseline ?? ""} data-testid="pick-baseline" onChange={(e) => go({ baseline: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{modelOption?.production != null && modelOption.production !== candidate ? `Production (v${modelOption.production})` : "Production (none)"}</option>
          {(modelOption?.versions ?? [])
            .filter((v) => v !== candidate)
            .map((v) => (
              <option key={v} value={v}>v{v}{v === modelOption?.production ? " · production" : ""}</option>
            ))}
        </select>
      </label>
      <span aria-hidden className="hidden h-9 w-px bg-slate-200 md:block" />
      <label className={label}>
        Country
        <select className={select} defaultValue={filters.country ?? ""} data-testid="filter-country" onChange={(e) => go({ country: e.target.value || null })}>
          <option value="">All countries</option>
          {countryOptions.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label className={label}>
        Order
        <select className={select} defaultValue={filters.sort} data-testid="filter-sort" onChange={(e) => go({ sort: e.target.value as "panel" | "change" })}>
          <option value="panel">Panel order</option>
          <option value="change">Largest change first</option>
        </select>
      </label>
      <div className="flex flex-col gap-1 pb-1 text-sm text-slate-700">
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-brand" defaultChecked={filters.new} data-testid="filter-new" onChange={(e) => go({ newOnly: e.target.checked })} />
          New listeners only
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-brand" defaultChecked={filters.unreviewed} data-testid="filter-unreviewed" onChange={(e) => go({ unreviewed: e.target.checked })} />
          Not yet reviewed by me
        </label>
      </div>
      {onShowKeys && (
        <button type="button" onClick={onShowKeys} className="ml-auto inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          <Keyboard className="size-4" aria-hidden />
          Keys <kbd className="rounded bg-slate-100 px-1 font-mono text-xs">?</kbd>
        </button>
      )}
      {baseline === null && <p className="basis-full text-xs text-amber-700">No baseline to compare with: every item is shown as new.</p>}
    </div>
  );
}
