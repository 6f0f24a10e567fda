"use client";

import Link from "next/link";
import type { ReportFeatureDto } from "@/lib/server/validation/get-report";
import type { NotComparable } from "@/lib/server/validation/report-rows";
import { comparatorLabel, distance, movedMost, severity } from "./format";

/** The bar beside a distance: its share of the threshold, the threshold marked, red beyond it. */
function SeverityBar({ value }: { value: number }) {
  // The bar spans 0 to 2× the threshold; the tick in the middle is the threshold.
  const width = Math.min(100, (value / 2) * 100);
  return (
    <div className="relative h-2 w-24 rounded-full bg-slate-100" aria-hidden>
      <div className={`absolute inset-y-0 left-0 rounded-full ${value > 1 ? "bg-red-500" : value > 0.7 ? "bg-amber-400" : "bg-emerald-400"}`} style={{ width: `${width}%` }} />
      <div className="absolute inset-y-[-2px] left-1/2 w-px bg-slate-700" />
    </div>
  );
}

type Props = { features: ReportFeatureDto[]; notComparable: NotComparable[]; selected: string | null; basePath: string; query: Record<string, string> };

/**
 * Compared features, most severe first, with comparator and threshold beside each distance; a row
 * selects the feature drawn below. A client component so that the page sends the rows as data, not
 * as a tree of elements (a 500-feature report stays light).
 */
export function ReportFeaturesTable({ features, notComparable, selected, basePath, query }: Props) {
  const hrefFor = (feature: string) => `${basePath}?${new URLSearchParams({ ...query, feature }).toString()}`;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="report-features">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Feature</th>
            <th className="px-2 py-2 font-medium">Comparator</th>
            <th className="px-2 py-2 text-right font-medium">Distance</th>
            <th className="px-2 py-2 text-right font-medium">Threshold</th>
            <th className="px-2 py-2 font-medium">Distance / threshold</th>
            <th className="px-2 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Moved most (baseline → target)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {features.map((f) => (
            <tr key={f.feature} className={`${f.feature === selected ? "bg-blue-50" : f.anomaly ? "bg-red-50/60" : ""}`} data-feature={f.feature} aria-selected={f.feature === selected}>
              <td className="px-4 py-1.5">
                <Link href={hrefFor(f.feature)} scroll={false} prefetch={false} className="font-mono text-xs font-medium text-brand hover:underline">{f.feature}</Link>
                <span className="ml-2 text-[11px] text-slate-400">{f.type}</span>
              </td>
              <td className="px-2 py-1.5 text-xs text-slate-600">{comparatorLabel(f.comparator)}</td>
              <td className={`px-2 py-1.5 text-right tabular ${f.anomaly ? "font-semibold text-bad" : ""}`}>{distance(f.distance)}</td>
              <td className="px-2 py-1.5 text-right tabular text-slate-600">{distance(f.threshold)}</td>
              <td className="px-2 py-1.5">
                <div className="flex items-center gap-2">
                  <SeverityBar value={f.severity} />
                  <span className={`text-xs tabular ${f.anomaly ? "font-semibold text-bad" : "text-slate-500"}`}>{severity(f.severity)}</span>
                </div>
              </td>
              <td className={`px-2 py-1.5 text-xs font-medium ${f.anomaly ? "text-bad" : "text-ok"}`}>{f.anomaly ? "anomaly" : "ok"}</td>
              <td className="px-4 py-1.5 text-xs text-slate-700">{movedMost(f.movedMost)}</td>
            </tr>
          ))}
          {notComparable.map((n) => (
            <tr key={n.feature} className="text-slate-500" data-feature={n.feature}>
              <td className="px-4 py-1.5">
                <Link href={hrefFor(n.feature)} scroll={false} prefetch={false} className="font-mono text-xs hover:underline">{n.feature}</Link>
                <span className="ml-2 text-[11px] text-slate-400">{n.type}</span>
              </td>
              <td className="px-2 py-1.5 text-xs">{comparatorLabel(n.comparator)}</td>
              <td className="px-2 py-1.5 text-right">—</td>
              <td className="px-2 py-1.5 text-right tabular">{distance(n.threshold)}</td>
              <td className="px-2 py-1.5 text-xs" colSpan={2}>not comparable</td>
              <td className="px-4 py-1.5 text-xs">{n.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
