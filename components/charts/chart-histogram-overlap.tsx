"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export type OverlapHistogramProps = {
  /** Equal-width buckets over [0, 1] of RBO and of overlap@k, per listener of the panel. */
  rbo: { from: number; to: number; count: number }[];
  overlap: { from: number; to: number; count: number }[];
  k: number;
};

/** How similar the candidate's lists are to the baseline's across the panel: RBO and overlap@k per listener. */
export function ChartHistogramOverlap({ rbo, overlap, k }: OverlapHistogramProps) {
  const data = rbo.map((b, i) => ({ bucket: `${b.from.toFixed(1)}–${b.to.toFixed(1)}`, rbo: b.count, overlap: overlap[i]?.count ?? 0 }));
  const listeners = rbo.reduce((s, b) => s + b.count, 0);
  return (
    <div role="img" aria-label={`Distribution over ${listeners} listeners of rank-biased overlap and overlap@${k} between the candidate's and the baseline's lists.`} data-testid="chart-overlap" className="w-full">
      <BarChart responsive style={{ width: "100%", height: 180 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={1}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="bucket" tick={{ fontSize: 10 }} interval={1} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="rbo" name="RBO (p = 0.9)" fill="#1d4ed8" isAnimationActive={false} />
        <Bar dataKey="overlap" name={`Overlap@${k}`} fill="#7dd3fc" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
