"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { share } from "@/components/validation/format";
import type { ValueShare } from "@/lib/server/validation/feature-overlay";

export type TopValuesDriftProps = { feature: string; values: ValueShare[]; baselineLabel: string; targetLabel: string };

const BASELINE = "#2563eb";
const TARGET = "#ea580c";

type Row = ValueShare & { name: string };

function TooltipBody({ active, payload, baselineLabel, targetLabel }: { active?: boolean; payload?: readonly { payload?: Row }[]; baselineLabel: string; targetLabel: string }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{p.value}{p.isNew ? " (new)" : ""}</p>
      <p className="tabular" style={{ color: BASELINE }}>{baselineLabel}: {share(p.baseline)}</p>
      <p className="tabular" style={{ color: TARGET }}>{targetLabel}: {share(p.target)}</p>
    </div>
  );
}

/** A categorical feature's most frequent values, each side's share side by side; values the baseline never had are marked new. */
export function ChartBarDriftTopValues({ feature, values, baselineLabel, targetLabel }: TopValuesDriftProps) {
  const data: Row[] = values.map((v) => ({ ...v, name: v.isNew ? `${v.value} (new)` : v.value }));
  const fresh = values.filter((v) => v.isNew);
  const label = `Top values of ${feature}, share in ${baselineLabel} and in ${targetLabel}${fresh.length ? `; new values: ${fresh.map((v) => `${v.value} ${share(v.target)}`).join(", ")}` : ""}.`;
  return (
    <div role="img" aria-label={label} data-testid="chart-top-values-drift" className="w-full">
      <BarChart responsive layout="vertical" style={{ width: "100%", height: Math.max(160, 26 * data.length + 60) }} data={data} margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barGap={1}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: Row }[]} baselineLabel={baselineLabel} targetLabel={targetLabel} />} />
        <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 11 }} itemSorter="dataKey" />
        <Bar dataKey="baseline" name={baselineLabel} fill={BASELINE} fillOpacity={0.75} isAnimationActive={false} />
        <Bar dataKey="target" name={targetLabel} fill={TARGET} fillOpacity={0.75} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
