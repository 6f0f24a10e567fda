"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { distance as fmtDistance, severity as fmtSeverity } from "@/components/validation/format";
import type { FeatureHistoryPointDto } from "@/lib/server/validation/get-feature-history";

export type FeatureHistoryChartProps = {
  slug: string;
  feature: string;
  byVersion: boolean;
  comparator: string;
  threshold: number | null;
  points: FeatureHistoryPointDto[];
  deployments: { at: number; toVersion: number; reason: string }[];
  currentReportId: number | null;
};

const LINE = "#1d4ed8";
const BAD = "#b91c1c";
const DEPLOY = "#15803d";

const dayLabel = (t: number) => new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function Dot(props: { cx?: number; cy?: number; payload?: FeatureHistoryPointDto; currentReportId: number | null }) {
  const { cx, cy, payload: p } = props;
  if (cx === undefined || cy === undefined || !p) return null;
  if (p.reportId === props.currentReportId) return <circle cx={cx} cy={cy} r={6} fill={p.anomaly ? BAD : LINE} stroke="#0f172a" strokeWidth={2} />;
  return <circle cx={cx} cy={cy} r={p.anomaly ? 3.5 : 2} fill={p.anomaly ? BAD : LINE} />;
}

function TooltipBody({ active, payload, comparator }: { active?: boolean; payload?: readonly { payload?: FeatureHistoryPointDto }[]; comparator: string }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{p.label}{p.version !== null && !p.label.startsWith("v") ? ` · against v${p.version}` : ""}</p>
      <p className="tabular">{comparator} {fmtDistance(p.distance)} (threshold {fmtDistance(p.threshold)})</p>
      <p className={`tabular ${p.anomaly ? "font-medium text-bad" : "text-slate-600"}`}>{fmtSeverity(p.severity)} the threshold{p.anomaly ? " — anomaly" : ""}</p>
      <p className="mt-1 text-slate-400">Click to open this report</p>
    </div>
  );
}

/** One feature's distance per day (or version) with its threshold as a reference line and production's moves marked. */
export function ChartLineFeatureHistory({ slug, feature, byVersion, comparator, threshold, points, deployments, currentReportId }: FeatureHistoryChartProps) {
  const router = useRouter();
  const first = points[0]?.x ?? 0;
  const last = points[points.length - 1]?.x ?? 0;
  const anomalies = points.filter((p) => p.anomaly).length;
  const label = `${comparator} distance of ${feature} over ${points.length} ${byVersion ? "versions" : "days"}${threshold !== null ? `, threshold ${fmtDistance(threshold)}` : ""}; ${anomalies} above it; ${deployments.length} deployments marked.`;
  const ys = points.map((p) => p.distance);
  const top = Math.max(threshold ?? 0, ...ys) * 1.1 || 1;
  return (
    <div role="img" aria-label={label} data-testid="chart-feature-history" className="w-full">
      <LineChart
        responsive
        style={{ width: "100%", height: 240 }}
        data={points}
        margin={{ top: 20, right: 24, bottom: 4, left: 4 }}
        onClick={(state) => {
          const i = typeof state?.activeTooltipIndex === "number" ? state.activeTooltipIndex : Number(state?.activeTooltipIndex);
          const p = Number.isInteger(i) ? points[i] : undefined;
          if (p) router.push(`/shelves/${encodeURIComponent(slug)}/validation/${p.reportId}?feature=${encodeURIComponent(feature)}`);
        }}
      >
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="x" type="number" domain={[first, last]} scale={byVersion ? "linear" : "time"} tickFormatter={(v: number) => (byVersion ? `v${v}` : dayLabel(v))} tick={{ fontSize: 11 }} minTickGap={24} allowDecimals={false} />
        <YAxis domain={[0, top]} tickFormatter={(v: number) => fmtDistance(v)} width={56} tick={{ fontSize: 11 }} />
        <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: FeatureHistoryPointDto }[]} comparator={comparator} />} />
        {deployments.map((d) => (
          <ReferenceLine
            key={`${d.at}-${d.toVersion}`}
            x={Math.min(Math.max(d.at, first), last)}
            stroke={d.reason === "rollback" ? BAD : DEPLOY}
            strokeDasharray="3 3"
            strokeOpacity={0.6}
            label={{ value: `${d.reason === "rollback" ? "↩ " : ""}v${d.toVersion}`, position: "top", fill: d.reason === "rollback" ? BAD : DEPLOY, fontSize: 10 }}
          />
        ))}
        {threshold !== null && <ReferenceLine y={threshold} stroke={BAD} strokeDasharray="6 3" label={{ value: `threshold ${fmtDistance(threshold)}`, position: "insideTopLeft", fill: BAD, fontSize: 10 }} />}
        <Line type="linear" dataKey="distance" name={comparator} stroke={LINE} strokeWidth={1.5} isAnimationActive={false} dot={(p) => <Dot key={`${p.index}`} {...p} currentReportId={currentReportId} />} activeDot={{ r: 5 }} />
      </LineChart>
    </div>
  );
}
