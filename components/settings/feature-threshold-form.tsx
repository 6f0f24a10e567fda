"use client";

import { useActionState } from "react";
import { updateFeatureConfigAction } from "@/lib/server/actions/validation";
import type { FeatureConfigDto } from "@/lib/server/validation/list-feature-configs";
import { COMPARATOR_LABELS, COMPARATORS, COMPARATORS_BY_TYPE } from "@/lib/schemas/validation";

const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm tabular focus:border-brand focus:outline-none";

/** One feature's comparator and thresholds; saving recomputes the model's reports for it. */
export function FeatureThresholdForm({ model, row }: { model: string; row: FeatureConfigDto }) {
  const [state, action, pending] = useActionState(updateFeatureConfigAction, null);
  const comparators = row.type ? COMPARATORS_BY_TYPE[row.type] : COMPARATORS;
  const fieldError = (name: string) => (state && !state.ok ? state.fields?.find((f) => f.path === name)?.message : undefined);
  const saved = state?.ok ? state.data : undefined;
  return (
    <form action={action} className="grid grid-cols-1 items-center gap-2 px-4 py-2 text-sm sm:grid-cols-[minmax(12rem,1fr)_12rem_6rem_6rem_minmax(16rem,1fr)]" aria-label={`Thresholds of ${row.feature}`} data-testid={`threshold-${row.feature}`}>
      <input type="hidden" name="model" value={model} />
      <input type="hidden" name="feature" value={row.feature} />
      <input type="hidden" name="expectedUpdatedAt" value={saved?.updatedAt ?? row.updatedAt ?? ""} />
      <div className="min-w-0">
        <span className="block truncate font-mono text-xs font-medium text-slate-900" title={row.feature}>{row.feature}</span>
        <span className="text-[11px] text-slate-500">{row.type ?? "type unknown"} · {row.configured || saved ? `set by ${saved ? "you" : row.updatedBy || "—"}` : "default"}</span>
      </div>
      <label className="sr-only" htmlFor={`cmp-${model}-${row.feature}`}>Comparator</label>
      <select id={`cmp-${model}-${row.feature}`} name="comparator" defaultValue={row.comparator} className={input}>
        {comparators.map((c) => <option key={c} value={c}>{COMPARATOR_LABELS[c]}</option>)}
      </select>
      <label className="flex flex-col text-[11px] text-slate-500">
        skew
        <input name="skewThreshold" type="number" step="any" min={0} required defaultValue={row.skewThreshold} className={input} aria-invalid={fieldError("skewThreshold") ? true : undefined} />
      </label>
      <label className="flex flex-col text-[11px] text-slate-500">
        drift
        <input name="driftThreshold" type="number" step="any" min={0} required defaultValue={row.driftThreshold} className={input} aria-invalid={fieldError("driftThreshold") ? true : undefined} />
      </label>
      <div className="flex items-center gap-2">
        <button className="rounded-md bg-brand px-2.5 py-1 text-xs font-medium text-white hover:bg-blue-800 disabled:opacity-60" disabled={pending}>
          {pending ? "Recomputing…" : "Save"}
        </button>
        {state && !state.ok && <span role="alert" className="text-xs text-bad">{state.error}</span>}
        {saved && (
          <span role="status" className="text-xs text-ok">
            {saved.recomputed ? `Saved; ${saved.recomputed.reports} reports recomputed (${saved.recomputed.anomaliesBefore} → ${saved.recomputed.anomaliesAfter} anomalies).` : "No change."}
          </span>
        )}
      </div>
    </form>
  );
}
