"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type VerdictChartProps = {
  counts: { better: number; same: number; worse: number };
  /** The gate's largest allowed share of "worse" (0..1), drawn as a line; null when the policy sets none. */
  maxWorseShare: number | null;
};

const COLORS = { better: "#15803d", same: "#64748b", worse: "#b91c1c" } as const;
const LABELS = { better: "Better", same: "Same", worse: "Worse" } as const;

/** The verdicts on a version as shares of all verdicts, with the gate's limit for "worse". */
export function ChartBarVerdicts({ counts, maxWorseShare }: VerdictChartProps) {
  const total = counts.better + counts.same + counts.worse;
  const data = (["better", "same", "worse"] as const).map((v) => ({ verdict: v, label: LABELS[v], count: counts[v], share: total ? counts[v] / total : 0 }));
  const label = `Verdicts: ${data.map((d) => `${d.count} ${d.verdict}`).join(", ")}${maxWorseShare !== null ? `; the gate allows at most ${Math.round(maxWorseShare * 100)}% worse` : ""}.`;
  return (
    <div role="img" aria-label={label} data-testid="chart-verdicts" className="w-full">
      <BarChart responsive layout="vertical" style={{ width: "100%", height: 150 }} data={data} margin={{ top: 16, right: 48, bottom: 0, left: 4 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={56} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value, _name, item) => [`${Math.round(Number(value) * 100)}% (${(item.payload as { count: number }).count})`, "share"]} />
        {maxWorseShare !== null && (
          <ReferenceLine x={maxWorseShare} stroke={COLORS.worse} strokeDasharray="4 3" label={{ value: `gate: worse ≤ ${Math.round(maxWorseShare * 100)}%`, position: "top", fill: COLORS.worse, fontSize: 10 }} />
        )}
        <Bar dataKey="share" isAnimationActive={false} radius={[0, 3, 3, 0]}>
          {data.map((d) => <Cell key={d.verdict} fill={COLORS[d.verdict]} />)}
          <LabelList dataKey="count" position="right" fontSize={11} fill="#334155" />
        </Bar>
      </BarChart>
    </div>
  );
}
