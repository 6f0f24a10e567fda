"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { metric as formatMetric } from "@/lib/format";
import { useMounted } from "@/components/registry/use-mounted";
import { unpackColumns, type PackedColumns } from "@/lib/registry/columns";
import type { VersionSeriesPoint } from "@/lib/registry/version-series";

export type MetricChartProps = {
  slug: string;
  metric: string;
  series: PackedColumns<VersionSeriesPoint>;
  /** How many points `series` holds: the label says so before the chart is drawn. */
  shown: number;
  threshold: number | null;
  direction: "higher_is_better" | "lower_is_better" | null;
  productionVersion: number | null;
  candidateVersion: number | null;
};

const BRAND = "#1d4ed8";
const PRODUCTION = "#15803d";
const CANDIDATE = "#b45309";
const THRESHOLD = "#b91c1c";

function Dot(props: { cx?: number; cy?: number; payload?: VersionSeriesPoint; productionVersion: number | null; candidateVersion: number | null; dense: boolean }) {
  const { cx, cy, payload: p } = props;
  if (cx === undefined || cy === undefined || !p) return null;
  if (p.version === props.productionVersion) return <circle cx={cx} cy={cy} r={6} fill={PRODUCTION} stroke="white" strokeWidth={2} />;
  if (p.version === props.candidateVersion) return <circle cx={cx} cy={cy} r={6} fill={CANDIDATE} stroke="white" strokeWidth={2} />;
  if (p.deployed) return <circle cx={cx} cy={cy} r={props.dense ? 2.5 : 3.5} fill={BRAND} />;
  return props.dense ? null : <circle cx={cx} cy={cy} r={3} fill="white" stroke="#94a3b8" strokeWidth={1.5} />;
}

function TooltipBody({ active, payload, metric }: { active?: boolean; payload?: readonly { payload?: VersionSeriesPoint }[]; metric: string }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">v{p.version}{p.deployed ? " · went to production" : ""}</p>
      <p className="tabular">{metric} {formatMetric(p.value)}</p>
      {p.productionVersion !== null && (
        <p className="tabular text-slate-600">production then: v{p.productionVersion} ({formatMetric(p.production)})</p>
      )}
      <p className="mt-1 text-slate-400">Click to open this version</p>
    </div>
  );
}

/** A metric by version, with production's score at each training, the gate threshold and markers. */
export function ChartLineMetric({ slug, metric, series, shown, threshold, direction, productionVersion, candidateVersion }: MetricChartProps) {
  const router = useRouter();
  const mounted = useMounted();
  // Only where the chart is drawn (the browser): the server renders the labelled frame alone.
  const points = useMemo(() => (mounted ? unpackColumns(series) : []), [mounted, series]);
  const dense = points.length > 120;
  const label = `${metric} by version, ${shown} versions shown${threshold !== null ? `, gate threshold ${formatMetric(threshold)}` : ""}${direction ? `, ${direction === "higher_is_better" ? "higher" : "lower"} is better` : ""}.`;
  return (
    <div role="img" aria-label={label} data-testid="chart-metric" className="w-full" style={{ minHeight: 300 }}>
      {mounted && (
        <ComposedChart
          responsive
          style={{ width: "100%", height: 300 }}
          data={points}
          margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
          onClick={(state) => {
            const version = Number(state.activeLabel);
            if (Number.isInteger(version)) router.push(`/shelves/${slug}/versions/${version}`);
          }}
        >
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="version" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} tickFormatter={(v: number) => `v${v}`} tick={{ fontSize: 11 }} />
          <YAxis domain={["auto", "auto"]} padding={{ top: 12, bottom: 12 }} tickFormatter={(v: number) => formatMetric(v)} width={56} tick={{ fontSize: 11 }} />
          <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: VersionSeriesPoint }[]} metric={metric} />} />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          {threshold !== null && (
            <ReferenceLine y={threshold} ifOverflow="extendDomain" stroke={THRESHOLD} strokeDasharray="6 4" label={{ value: `threshold ${formatMetric(threshold)}`, position: "insideBottomRight", fill: THRESHOLD, fontSize: 11 }} />
        )}
        {productionVersion !== null && (
          <ReferenceLine x={productionVersion} stroke={PRODUCTION} strokeOpacity={0.5} label={{ value: `production v${productionVersion}`, position: "insideTopRight", fill: PRODUCTION, fontSize: 11 }} />
        )}
        <Line
          type="stepAfter"
          dataKey="production"
          name="In production when trained"
          stroke={PRODUCTION}
          strokeWidth={2}
          strokeOpacity={0.55}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="value"
          name={`${metric} (dots: went to production)`}
          stroke={BRAND}
          strokeWidth={1.5}
          dot={(props) => <Dot key={`dot-${props.index}`} {...props} productionVersion={productionVersion} candidateVersion={candidateVersion} dense={dense} />}
          isAnimationActive={false}
        />
      </ComposedChart>
      )}
    </div>
  );
}
