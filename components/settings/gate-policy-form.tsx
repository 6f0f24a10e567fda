"use client";

import { useActionState } from "react";
import { updateGatePolicyAction } from "@/lib/server/actions/gate-policies";
import type { GatePolicyRowDto } from "@/lib/server/gate-policies/list-gate-policies";

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand focus:outline-none";

function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      <span className="font-medium text-slate-800">{label}</span>
      {children}
      {hint && <span className="text-[11px] text-slate-500">{hint}</span>}
    </label>
  );
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** One model's gate policy, saved against the version it was loaded from (a concurrent edit is refused). */
export function GatePolicyForm({ row }: { row: GatePolicyRowDto }) {
  const [state, action, pending] = useActionState(updateGatePolicyAction, null);
  const p = row.policy;
  const fieldError = (name: string) => (state && !state.ok ? state.fields?.find((f) => f.path === name)?.message : undefined);
  return (
    <form action={action} className="space-y-3 p-4" aria-label={`Gate policy of ${row.model}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">{row.shelf.title} <span className="font-normal text-slate-500">· {row.model}</span></h3>
        <span className="text-xs text-slate-500">{p ? `Last changed ${p.updatedAt.slice(0, 16).replace("T", " ")} UTC by ${p.updatedBy || "—"}` : "No policy yet: nothing can pass the gate."}</span>
      </div>
      <input type="hidden" name="model" value={row.model} />
      <input type="hidden" name="expectedUpdatedAt" value={p?.updatedAt ?? ""} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field label="Primary metric">
          <select name="primaryMetric" defaultValue={p?.primaryMetric ?? row.metrics[0] ?? ""} className={input} required>
            {row.metrics.map((m) => <option key={m}>{m}</option>)}
          </select>
        </Field>
        <Field label="Better when">
          <select name="direction" defaultValue={p?.direction ?? "higher_is_better"} className={input}>
            <option value="higher_is_better">higher</option>
            <option value="lower_is_better">lower</option>
          </select>
        </Field>
        <Field label="Absolute threshold" hint={fieldError("absoluteThreshold") ?? "the candidate must reach it"}>
          <input name="absoluteThreshold" type="number" step="any" defaultValue={num(p?.absoluteThreshold)} className={input} />
        </Field>
        <Field label="Largest regression vs production" hint={fieldError("maxRegression") ?? "in the metric's units"}>
          <input name="maxRegression" type="number" step="any" min={0} defaultValue={num(p?.maxRegression)} className={input} />
        </Field>
        <Field label="No skew anomaly in the last" hint="days">
          <input name="skewFreeDays" type="number" min={1} max={90} defaultValue={num(p?.skewFreeDays)} className={input} />
        </Field>
        <Field label="Minimum reviews" hint="0 switches it off">
          <input name="minReviews" type="number" min={0} defaultValue={num(p?.minReviews ?? 0)} className={input} />
        </Field>
        <Field label="Largest share of “worse”" hint={fieldError("maxWorseShare") ?? "between 0 and 1, e.g. 0.3"}>
          <input name="maxWorseShare" type="number" step="0.01" min={0} max={1} defaultValue={num(p?.maxWorseShare)} className={input} />
        </Field>
        <Field label="Approvals required" hint="0 allows automatic pushes">
          <input name="approvalsRequired" type="number" min={0} max={10} defaultValue={num(p?.approvalsRequired ?? 1)} className={input} />
        </Field>
        <label className="flex items-center gap-2 self-center text-sm lg:col-span-2">
          <input type="checkbox" name="forbidSelfApproval" defaultChecked={p?.forbidSelfApproval ?? true} />
          The author of a request may not approve it
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60" disabled={pending}>
          {pending ? "Saving…" : "Save policy"}
        </button>
        {state && !state.ok && <p role="alert" className="text-sm text-bad">{state.error}</p>}
        {state?.ok && <p role="status" className="text-sm text-ok">Saved.</p>}
      </div>
    </form>
  );
}
