"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useMemo, useState } from "react";
import { metric } from "@/lib/format";
import { unpackColumns, type PackedColumns } from "@/lib/registry/columns";
import type { ScoreComparisonDto, ScoreRowDto } from "@/lib/server/registry/compare-scores";
import { Badge } from "../ui/badge";
import { Delta } from "./delta";

// Up to this many rows are all shown at once; past it, slices wait behind a toggle (main datasets first).
const OPEN_ROWS = 30;

const ROLE = { production: "production", displaced: "the version it replaced", parent: "parent", chosen: "chosen" } as const;

/**
 * Every score of a version beside the baseline's, with the change coloured by the metric's direction.
 * A client component so the rows travel once, as packed columns (`packScoreRows`); slices fold away
 * when there are many.
 */
export function ScoreTable({ comparison: { rows: packed, ...comparison } }: { comparison: Omit<ScoreComparisonDto, "rows"> & { rows: PackedColumns<ScoreRowDto> } }) {
  const all = useMemo(() => unpackColumns(packed), [packed]);
  const b = comparison.baseline;
  const slices = all.filter((r) => r.dataset !== "").length;
  const [showSlices, setShowSlices] = useState(all.length <= OPEN_ROWS);
  if (all.length === 0) return <p className="px-4 py-6 text-center text-sm text-slate-500">No scores have been posted for this version yet.</p>;
  const rows = showSlices ? all : all.filter((r) => r.dataset === "");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="score-table">
        <thead className="border-b border-slate-100 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Metric</th>
            <th scope="col" className="px-4 py-2 font-medium">Dataset</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">v{comparison.version}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{b ? `v${b.version} (${ROLE[b.role]})` : "Baseline"}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.metric}\u0000${r.dataset}`} data-metric={r.metric} data-dataset={r.dataset}>
              <td className="px-4 py-1.5">
                <span className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium">{r.metric}</span>
                  {r.direction === "higher_is_better" && <ArrowUp className="size-3 text-slate-400" aria-label="higher is better" />}
                  {r.direction === "lower_is_better" && <ArrowDown className="size-3 text-slate-400" aria-label="lower is better" />}
                  {r.direction === null && <span className="text-xs text-slate-400" title="The model does not declare this metric, so no direction is known">not declared</span>}
                  {r.primary && <Badge tone="info">gate</Badge>}
                  {r.meetsThreshold !== null && (
                    <Badge tone={r.meetsThreshold ? "ok" : "bad"}>{r.meetsThreshold ? "meets" : "misses"} {metric(r.threshold)}</Badge>
                  )}
                </span>
              </td>
              <td className="px-4 py-1.5 text-xs text-slate-600">{r.dataset || "main"}</td>
              <td className="px-4 py-1.5 text-right tabular font-medium">{metric(r.value)}</td>
              <td className="px-4 py-1.5 text-right tabular text-slate-600">{b ? metric(r.baseline) : "—"}</td>
              <td className="px-4 py-1.5 text-right"><Delta delta={r.delta} verdict={r.verdict} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {slices > 0 && all.length > OPEN_ROWS && (
        <div className="border-t border-slate-100 px-4 py-2 text-xs">
          <button type="button" onClick={() => setShowSlices((v) => !v)} className="font-medium text-brand hover:underline" data-testid="toggle-slices" aria-expanded={showSlices}>
            {showSlices ? "Hide slices" : `Show ${slices} scores on slices`}
          </button>
        </div>
      )}
    </div>
  );
}
