"use client";

import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { metric as formatMetric, shortDate } from "@/lib/format";
import { fromColumns, type Columns } from "@/lib/registry/columns";
import type { OnlinePoint } from "@/lib/registry/online-series";

export type OnlineChartProps = {
  metric: string;
  series: Columns<OnlinePoint>;
  deployments: Columns<{ at: number; toVersion: number; reason: string }>;
};

const BRAND = "#1d4ed8";
const DEPLOY = "#15803d";
const ROLLBACK = "#b91c1c";
// Past this many markers (more than a weekly cadence over a year) labels would overprint; the lines
// alone still show the cadence, and rollbacks keep their label.
const MAX_LABELLED = 60;

const dayLabel = (t: number) => new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function TooltipBody({ active, payload, metric }: { active?: boolean; payload?: readonly { payload?: OnlinePoint }[]; metric: string }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{shortDate(new Date(p.day))}</p>
      <p className="tabular">{metric} {formatMetric(p.value)}</p>
      <p className="text-slate-600">served by v{p.version}</p>
    </div>
  );
}

/** An online metric by day, with a marker at each move of the production alias. */
export function ChartLineOnline({ metric, series, deployments }: OnlineChartProps) {
  const points = useMemo(() => fromColumns(series), [series]);
  const markers = useMemo(() => fromColumns(deployments), [deployments]);
  const labelled = markers.length <= MAX_LABELLED;
  const first = points[0]?.day ?? 0;
  const last = points[points.length - 1]?.day ?? 0;
  const label = `${metric} per day from ${points.length ? shortDate(new Date(first)) : "—"} to ${points.length ? shortDate(new Date(last)) : "—"}, ${markers.length} deployments marked.`;
  return (
    <div role="img" aria-label={label} data-testid="chart-online" className="w-full">
      <LineChart responsive style={{ width: "100%", height: 260 }} data={points} margin={{ top: 20, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="day" type="number" scale="time" domain={[first, last]} tickFormatter={dayLabel} tick={{ fontSize: 11 }} minTickGap={24} />
        <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => formatMetric(v)} width={64} tick={{ fontSize: 11 }} />
        <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: OnlinePoint }[]} metric={metric} />} />
        {markers.map((d) => (
          <ReferenceLine
            key={`${d.at}-${d.toVersion}`}
            x={Math.min(Math.max(d.at, first), last)}
            stroke={d.reason === "rollback" ? ROLLBACK : DEPLOY}
            strokeDasharray={d.reason === "rollback" ? undefined : "3 3"}
            strokeOpacity={labelled || d.reason === "rollback" ? 0.7 : 0.25}
            label={labelled || d.reason === "rollback" ? { value: `${d.reason === "rollback" ? "↩ " : ""}v${d.toVersion}`, position: "top", fill: d.reason === "rollback" ? ROLLBACK : DEPLOY, fontSize: 10 } : undefined}
          />
        ))}
        <Line type="linear" dataKey="value" name={metric} stroke={BRAND} strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
