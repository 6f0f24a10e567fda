"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { severity as fmtSeverity, severityColor } from "@/components/validation/format";
import type { HeatmapColumnDto, HeatmapRowDto } from "@/lib/server/validation/get-validation-heatmap";

export type DriftHeatmapProps = { slug: string; columns: HeatmapColumnDto[]; rows: HeatmapRowDto[]; columnNoun: string };

type Hover = { row: number; col: number } | null;

const LABEL_WIDTH = 210;
const shortDay = (label: string) => (/^\d{4}-\d{2}-\d{2}$/.test(label) ? new Date(`${label}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }) : label);

/**
 * Features × days (or versions) coloured by distance / threshold, oldest left and newest right: a red
 * cell is above its threshold, and a row's first red cell is ringed. A cell opens its report at that
 * feature. Cells are plain coloured boxes (one handler for the grid) so that 90 days × 40 features
 * stay light; the report list below offers the same reports as links.
 */
export function ChartHeatmapDrift({ slug, columns, rows, columnNoun }: DriftHeatmapProps) {
  const router = useRouter();
  const [hover, setHover] = useState<Hover>(null);
  const grid = { display: "grid", gridTemplateColumns: `${LABEL_WIDTH}px repeat(${columns.length}, minmax(6px, 1fr))`, columnGap: "1px", rowGap: "1px" } as const;
  // Label about eight columns, always the newest.
  const every = Math.max(1, Math.ceil(columns.length / 8));
  const open = (row: number, col: number) => {
    const c = columns[col];
    const r = rows[row];
    if (c?.reportId != null && r) router.push(`/shelves/${encodeURIComponent(slug)}/validation/${c.reportId}?feature=${encodeURIComponent(r.feature)}`);
  };
  // Cells carry no attributes (90 days × 40 features stay light): a cell's place in its row and its
  // row's place in the grid say which it is. Row -1 is the schema row.
  const cellAt = (target: EventTarget): { row: number; col: number } | null => {
    const el = target as HTMLElement;
    const rowEl = el.parentElement;
    if (!rowEl || rowEl.dataset.row === undefined || el === rowEl.firstElementChild) return null;
    return { row: Number(rowEl.dataset.row), col: Array.prototype.indexOf.call(rowEl.children, el) - 1 };
  };
  const info = (() => {
    if (!hover) return `Hover a cell for its distance; click it to open that ${columnNoun}'s report at that feature.`;
    const r = rows[hover.row];
    const c = columns[hover.col];
    const s = hover.row >= 0 ? r?.cells[hover.col] : null;
    if (hover.row < 0) return `${c.label}: ${c.reportId === null ? "no report" : c.schemaAnomalyCount > 0 ? `${c.schemaAnomalyCount} schema change${c.schemaAnomalyCount > 1 ? "s" : ""}` : "no schema change"}`;
    if (c.reportId === null) return `${r.feature} · ${c.label}: no report that ${columnNoun}`;
    if (s === null || s === undefined) return `${r.feature} · ${c.label}: not compared`;
    return `${r.feature} · ${c.label}: ${fmtSeverity(s)} its threshold${s > 1 ? " — anomaly" : ""}`;
  })();

  return (
    <div className="w-full" data-testid="validation-heatmap">
      <p className="mb-2 min-h-5 text-xs text-slate-600" aria-live="polite" data-testid="heatmap-info">{info}</p>
      <div
        role="img"
        aria-label={`Distance over threshold for ${rows.length} features over ${columns.length} ${columnNoun}s, newest on the right; red cells are above their threshold.`}
        className="select-none text-[11px]"
        onMouseLeave={() => setHover(null)}
        onMouseOver={(e) => setHover(cellAt(e.target))}
        onClick={(e) => {
          const at = cellAt(e.target);
          if (at && at.row >= 0) open(at.row, at.col);
          else if (at && columns[at.col]?.reportId != null) router.push(`/shelves/${encodeURIComponent(slug)}/validation/${columns[at.col].reportId}`);
        }}
      >
        <div style={grid} className="mb-1 items-end text-slate-500">
          <div />
          {columns.map((c, i) => (
            <div key={c.label} className="relative h-4">
              {(i === columns.length - 1 || (columns.length - 1 - i) % every === 0) && <span className="absolute bottom-0 right-0 whitespace-nowrap tabular">{shortDay(c.label)}</span>}
            </div>
          ))}
        </div>
        <div style={grid} className="mb-1 cursor-pointer" data-row={-1}>
          <div className="truncate pr-2 text-slate-500" title="Features missing or new, type changes, new values, missing-rate jumps">schema changes</div>
          {columns.map((c) => (
            <div key={c.label} className={`h-3 ${c.reportId === null ? "bg-slate-100" : c.schemaAnomalyCount > 0 ? "bg-red-500" : "bg-emerald-50"}`} />
          ))}
        </div>
        {rows.map((r, ri) => (
          <div key={r.feature} style={grid} className="mb-px cursor-pointer" data-row={ri} data-testid={`heatmap-row-${r.feature}`}>
            <div className="flex items-center gap-1 truncate pr-2 font-mono text-slate-800" title={`${r.feature} (${r.type}): at most ${fmtSeverity(r.maxSeverity)} its threshold`}>
              {r.firstAnomaly !== null && <span aria-hidden className="inline-block size-2 shrink-0 rounded-full bg-red-600" />}
              <span className="truncate">{r.feature}</span>
            </div>
            {r.cells.map((s, ci) => (
              <div
                key={ci}
                className={ci === r.firstAnomaly ? "h-4 outline-2 -outline-offset-1 outline-slate-900" : hover?.row === ri && hover.col === ci ? "h-4 opacity-70" : "h-4"}
                data-first={ci === r.firstAnomaly ? "" : undefined}
                style={{ background: severityColor(s) }}
              />
            ))}
          </div>
        ))}
      </div>
      <Legend />
      <p className="sr-only">{rows.filter((r) => r.firstAnomaly !== null).map((r) => `${r.feature} above threshold from ${columns[r.firstAnomaly!].label}. `).join("")}</p>
    </div>
  );
}

function Legend() {
  const stops = [0, 0.5, 0.9, 1.01, 3, 10];
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-[11px] text-slate-600">
      <span>distance / threshold:</span>
      {stops.map((s) => (
        <span key={s} className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm ring-1 ring-slate-200" style={{ background: severityColor(s) }} />
          {s > 1 ? `${s === 1.01 ? ">1" : `${s}×`}` : `${s}×`}
        </span>
      ))}
      <span className="flex items-center gap-1"><span className="inline-block size-3 rounded-sm bg-slate-100 ring-1 ring-slate-200" />no report</span>
      <span className="flex items-center gap-1"><span className="inline-block size-3 rounded-sm outline-2 outline-slate-900" />first day above threshold</span>
    </div>
  );
}
