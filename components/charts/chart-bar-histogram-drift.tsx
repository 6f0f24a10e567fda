"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { range, share } from "@/components/validation/format";
import type { OverlayBin } from "@/lib/server/validation/feature-overlay";

export type HistogramDriftProps = { feature: string; bins: OverlayBin[]; baselineLabel: string; targetLabel: string };

const BASELINE = "#2563eb";
const TARGET = "#ea580c";

type Row = OverlayBin & { bin: string };

function TooltipBody({ active, payload, baselineLabel, targetLabel }: { active?: boolean; payload?: readonly { payload?: Row }[]; baselineLabel: string; targetLabel: string }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold tabular text-slate-900">{p.bin}</p>
      <p className="tabular" style={{ color: BASELINE }}>{baselineLabel}: {share(p.baseline)}</p>
      <p className="tabular" style={{ color: TARGET }}>{targetLabel}: {share(p.target)}</p>
    </div>
  );
}

/**
 * Two normalised histograms of one numeric feature overlaid on one equal-width grid: each bar is the
 * share of that side's values in the bin, so sides with different row counts compare bar by bar.
 */
export function ChartBarHistogramDrift({ feature, bins, baselineLabel, targetLabel }: HistogramDriftProps) {
  const data: Row[] = bins.map((b) => ({ ...b, bin: range(b.low, b.high) }));
  const peak = (k: "baseline" | "target") => data.reduce((best, b) => (b[k] > best[k] ? b : best), data[0]);
  const label = data.length
    ? `Histograms of ${feature}: ${baselineLabel} peaks at ${peak("baseline").bin} (${share(peak("baseline").baseline)}), ${targetLabel} at ${peak("target").bin} (${share(peak("target").target)}).`
    : `No histogram of ${feature}.`;
  return (
    <div role="img" aria-label={label} data-testid="chart-histogram-drift" className="w-full">
      <BarChart responsive style={{ width: "100%", height: 280 }} data={data} margin={{ top: 8, right: 12, bottom: 28, left: 0 }} barCategoryGap={2}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis xAxisId="baseline" dataKey="bin" tick={{ fontSize: 10 }} angle={-30} textAnchor="end" interval="preserveStartEnd" height={44} />
        <XAxis xAxisId="target" dataKey="bin" hide />
        <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: 11 }} width={44} />
        <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: Row }[]} baselineLabel={baselineLabel} targetLabel={targetLabel} />} />
        <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 11 }} itemSorter="dataKey" />
        {/* Two x axes on the same bins: the bars lie on top of each other instead of side by side. */}
        <Bar xAxisId="baseline" dataKey="baseline" name={baselineLabel} fill={BASELINE} fillOpacity={0.45} stroke={BASELINE} isAnimationActive={false} />
        <Bar xAxisId="target" dataKey="target" name={targetLabel} fill={TARGET} fillOpacity={0.45} stroke={TARGET} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
