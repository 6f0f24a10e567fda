"use client";

import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, YAxis } from "recharts";

type Props = { points: { version: number; value: number }[]; threshold: number | null; metric: string };

/** The primary metric of a shelf's latest versions, with the gate threshold as a dashed line. */
export function ChartSparklinePrimaryMetric({ points, threshold, metric }: Props) {
  if (points.length < 2) return null;
  const values = points.map((p) => p.value).concat(threshold ?? []);
  const pad = (Math.max(...values) - Math.min(...values)) * 0.15 || 0.01;
  return (
    <div className="h-14 w-full" role="img" aria-label={`${metric} of the last ${points.length} versions`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 2, bottom: 2, left: 2 }}>
          <YAxis hide domain={[Math.min(...values) - pad, Math.max(...values) + pad]} />
          {threshold !== null && <ReferenceLine y={threshold} stroke="#b91c1c" strokeDasharray="3 3" />}
          <Tooltip
            formatter={(v) => [Number(v).toFixed(3), metric]}
            labelFormatter={(_, payload) => (payload?.[0] ? `v${payload[0].payload.version}` : "")}
            contentStyle={{ fontSize: 12, padding: "2px 6px" }}
          />
          <Line type="linear" dataKey="value" stroke="#1d4ed8" strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
