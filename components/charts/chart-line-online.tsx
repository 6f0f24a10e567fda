"use client";

import { useMemo } from "react";
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { metric as formatMetric, shortDate } from "@/lib/format";
import { useMounted } from "@/components/registry/use-mounted";
import { unpackColumns, type PackedColumns } from "@/lib/registry/columns";
import type { OnlinePoint } from "@/lib/registry/online-series";

export type OnlineChartProps = {
  metric: string;
  series: PackedColumns<OnlinePoint>;
  deployments: PackedColumns<{ at: number; toVersion: number; reason: string }>;
  /** The window (ISO days) and how many deployments it marks: the label says so before the chart is drawn. */
  window: { from: string; to: string; deployments: number };
};

const BRAND = "#1d4ed8";
const DEPLOY = "#15803d";
const ROLLBACK = "#b91c1c";
// Up to this many deployments (a weekly cadence over a year) each gets a labelled line. Past it, labels
// would overprint and hundreds of reference lines are slow to draw: deployments become ticks along the
// bottom of the chart (one series), and only rollbacks keep their line and label.
const MAX_LINES = 60;

const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayLabel = (t: number) => DAY_MONTH.format(new Date(t));

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
export function ChartLineOnline({ metric, series, deployments, window }: OnlineChartProps) {
  const mounted = useMounted();
  // Only where the chart is drawn (the browser): the server renders the labelled frame alone.
  const points = useMemo(() => (mounted ? unpackColumns(series) : []), [mounted, series]);
  const markers = useMemo(() => (mounted ? unpackColumns(deployments) : []), [mounted, deployments]);
  const dense = markers.length > MAX_LINES;
  const first = points[0]?.day ?? 0;
  const last = points[points.length - 1]?.day ?? 0;
  // Ticks sit a little below the lowest value, so the axis (which includes them) leaves them room.
  const lo = useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const p of points) {
      min = Math.min(min, p.value);
      max = Math.max(max, p.value);
    }
    return min - ((max - min) * 0.08 || Math.abs(max) * 0.05 || 1);
  }, [points]);
  const lines = dense ? markers.filter((d) => d.reason === "rollback") : markers;
  const ticks = useMemo(() => (dense ? markers.filter((d) => d.reason !== "rollback").map((d) => ({ day: Math.min(Math.max(d.at, first), last), tick: lo })) : []), [dense, markers, first, last, lo]);
  const label = `${metric} per day from ${shortDate(new Date(window.from))} to ${shortDate(new Date(window.to))}, ${window.deployments} deployments marked.`;
  return (
    <div role="img" aria-label={label} data-testid="chart-online" className="w-full" style={{ minHeight: 260 }}>
      {mounted && (
        <ComposedChart responsive style={{ width: "100%", height: 260 }} data={points} margin={{ top: 20, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="day" type="number" scale="time" domain={[first, last]} tickFormatter={dayLabel} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => formatMetric(v)} width={64} tick={{ fontSize: 11 }} />
          <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: OnlinePoint }[]} metric={metric} />} />
          {lines.map((d) => (
            <ReferenceLine
              key={`${d.at}-${d.toVersion}`}
              x={Math.min(Math.max(d.at, first), last)}
              stroke={d.reason === "rollback" ? ROLLBACK : DEPLOY}
              strokeDasharray={d.reason === "rollback" ? undefined : "3 3"}
              strokeOpacity={0.7}
              label={{ value: `${d.reason === "rollback" ? "↩ " : ""}v${d.toVersion}`, position: "top", fill: d.reason === "rollback" ? ROLLBACK : DEPLOY, fontSize: 10 }}
            />
          ))}
          {dense && (
            <Scatter
              data={ticks}
              dataKey="tick"
              name="deployments"
              tooltipType="none"
              isAnimationActive={false}
              shape={(p: { cx?: number; cy?: number }) => <line x1={p.cx} x2={p.cx} y1={(p.cy ?? 0) - 10} y2={p.cy} stroke={DEPLOY} strokeOpacity={0.6} />}
            />
          )}
          <Line type="linear" dataKey="value" name={metric} stroke={BRAND} strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </ComposedChart>
      )}
    </div>
  );
}
