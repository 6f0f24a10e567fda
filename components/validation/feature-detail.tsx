import { ChartBarDriftTopValues } from "@/components/charts/chart-bar-drift-top-values";
import { ChartBarHistogramDrift } from "@/components/charts/chart-bar-histogram-drift";
import { Badge } from "@/components/ui/badge";
import type { NumericSummary } from "@/lib/server/validation/feature-overlay";
import type { ReportFeatureDetailDto } from "@/lib/server/validation/get-report-feature";
import { comparatorLabel, distance, movedMost, severity, share, stat } from "./format";

type Labels = { baseline: string; target: string };

const ROWS: [keyof NumericSummary, string][] = [
  ["count", "present in"],
  ["missing", "missing in"],
  ["zeros", "zeros"],
  ["min", "min"],
  ["median", "median (approx.)"],
  ["mean", "mean"],
  ["max", "max"],
  ["stdDev", "std. deviation"],
];

function NumericTable({ baseline, target, labels }: { baseline: NumericSummary | null; target: NumericSummary | null; labels: Labels }) {
  return (
    <table className="w-full text-left text-xs" data-testid="numeric-summary">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 font-medium" />
          <th className="py-1 text-right font-medium text-blue-700">{labels.baseline}</th>
          <th className="py-1 text-right font-medium text-orange-700">{labels.target}</th>
        </tr>
      </thead>
      <tbody className="tabular">
        {ROWS.map(([key, label]) => (
          <tr key={key} className="border-t border-slate-100">
            <td className="py-1 text-slate-600">{label}</td>
            <td className="py-1 text-right">{baseline ? stat(baseline[key]) : "—"}</td>
            <td className="py-1 text-right">{target ? stat(target[key]) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The selected feature of a report: its verdict with comparator and threshold, what moved most, and a
 * picture of both sides (histograms overlaid for numbers, top values side by side for categories).
 */
export function FeatureDetail({ detail, labels }: { detail: ReportFeatureDetailDto; labels: Labels }) {
  const r = detail.result;
  return (
    <div className="space-y-4" data-testid="feature-detail">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        {r ? (
          <>
            <span className="tabular">
              {comparatorLabel(r.comparator)} <span className={`font-semibold ${r.anomaly ? "text-bad" : ""}`}>{distance(r.distance)}</span> against threshold {distance(r.threshold)} ({severity(r.severity)})
            </span>
            {r.anomaly ? <Badge tone="bad">anomaly</Badge> : <Badge tone="ok">within threshold</Badge>}
            {r.movedMost && (
              <span className="text-slate-700" data-testid="moved-most">
                Moved most: <span className="font-medium">{movedMost(r.movedMost)}</span>
              </span>
            )}
          </>
        ) : (
          <span className="text-slate-600">
            Not compared:{" "}
            {detail.baselineType && detail.targetType && detail.baselineType !== detail.targetType
              ? `its type changed (${detail.baselineType} → ${detail.targetType}).`
              : !detail.baselineType
                ? `absent from ${labels.baseline}.`
                : !detail.targetType
                  ? `absent from ${labels.target}.`
                  : "the comparator could not measure it (see the table above)."}
          </span>
        )}
      </div>
      {detail.numeric && (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
          <div>
            {detail.numeric.overlay.bins.length > 0 ? (
              <ChartBarHistogramDrift feature={detail.feature} bins={detail.numeric.overlay.bins} baselineLabel={labels.baseline} targetLabel={labels.target} />
            ) : (
              <p className="text-sm text-slate-500">No histogram: neither side holds a finite value.</p>
            )}
            {detail.numeric.overlay.special.length > 0 && (
              <p className="mt-1 text-xs text-slate-600">
                {detail.numeric.overlay.special.map((s) => `${s.label}: ${share(s.baseline)} → ${share(s.target)}`).join(" · ")}
              </p>
            )}
            <p className="mt-1 text-[11px] text-slate-500">Each side normalised to its own values, on one equal-width grid over both ranges.</p>
          </div>
          <NumericTable baseline={detail.numeric.baseline} target={detail.numeric.target} labels={labels} />
        </div>
      )}
      {detail.categorical && (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
          <ChartBarDriftTopValues feature={detail.feature} values={detail.categorical.values} baselineLabel={labels.baseline} targetLabel={labels.target} />
          <table className="w-full self-start text-left text-xs" data-testid="top-values">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 font-medium">value</th>
                <th className="py-1 text-right font-medium text-blue-700">{labels.baseline}</th>
                <th className="py-1 text-right font-medium text-orange-700">{labels.target}</th>
              </tr>
            </thead>
            <tbody className="tabular">
              {detail.categorical.values.map((v) => (
                <tr key={v.value} className={`border-t border-slate-100 ${v.isNew ? "bg-red-50 font-medium text-red-900" : ""}`}>
                  <td className="py-1 font-mono">{v.value}{v.isNew && <span className="ml-1 font-sans text-[10px] uppercase">new</span>}</td>
                  <td className="py-1 text-right">{share(v.baseline)}</td>
                  <td className="py-1 text-right">{share(v.target)}</td>
                </tr>
              ))}
              <tr className="border-t border-slate-100 text-slate-500">
                <td className="py-1">other values</td>
                <td className="py-1 text-right">{share(detail.categorical.otherBaseline)}</td>
                <td className="py-1 text-right">{share(detail.categorical.otherTarget)}</td>
              </tr>
              <tr className="border-t border-slate-100 text-slate-500">
                <td className="py-1">distinct values</td>
                <td className="py-1 text-right">{detail.categorical.distinctBaseline.toLocaleString("en-US")}</td>
                <td className="py-1 text-right">{detail.categorical.distinctTarget.toLocaleString("en-US")}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
