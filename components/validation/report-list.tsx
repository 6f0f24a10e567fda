"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ReportSummaryDto } from "@/lib/server/validation/report-dto";
import { severity } from "./format";

function against(r: ReportSummaryDto): string {
  if (r.kind === "skew") return `training of v${r.baseline.version ?? "?"}`;
  if (r.kind === "drift") return `serving ${r.baseline.day ?? "?"}`;
  return `training of v${r.baseline.version ?? "?"}`;
}

/** Reports newest first: what was compared with what, anomalies, and the most severe feature (sent as data: a client component). */
export function ReportList({ reports }: { reports: ReportSummaryDto[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="report-list">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">{reports[0]?.kind === "training_drift" ? "Version" : "Serving day"}</th>
            <th className="px-2 py-2 font-medium">Against</th>
            <th className="px-2 py-2 font-medium">Status</th>
            <th className="px-2 py-2 text-right font-medium">Features</th>
            <th className="px-2 py-2 font-medium">Most moved feature</th>
            <th className="px-4 py-2 text-right font-medium">Distance / threshold</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {reports.map((r) => (
            <tr key={r.id} className={r.anomalous ? "bg-red-50/50" : undefined}>
              <td className="px-4 py-1.5 tabular">
                <Link href={r.url} prefetch={false} className="font-medium text-brand hover:underline">{r.day ?? `v${r.version ?? r.target.version}`}</Link>
              </td>
              <td className="px-2 py-1.5 text-slate-600">{against(r)}</td>
              <td className="px-2 py-1.5">
                {r.anomalous ? (
                  <Badge tone="bad">
                    {r.anomalyCount > 0 ? `${r.anomalyCount} above threshold` : ""}
                    {r.anomalyCount > 0 && r.schemaAnomalyCount > 0 ? " · " : ""}
                    {r.schemaAnomalyCount > 0 ? `${r.schemaAnomalyCount} schema` : ""}
                  </Badge>
                ) : (
                  <Badge tone="ok">ok</Badge>
                )}
              </td>
              <td className="px-2 py-1.5 text-right tabular text-slate-600">{r.featureCount}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{r.topFeature ?? "—"}</td>
              <td className={`px-4 py-1.5 text-right tabular ${r.maxSeverity > 1 ? "font-semibold text-bad" : "text-slate-600"}`}>{severity(r.maxSeverity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
