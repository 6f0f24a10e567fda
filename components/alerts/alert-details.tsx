import type { AlertDto } from "@/lib/server/alerts/list-alerts";

type Feature = { feature?: unknown; comparator?: unknown; distance?: unknown; threshold?: unknown };

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(3) : "—");
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The facts behind an alert, by kind: features against thresholds, schema changes, gate reasons, scores. */
export function AlertDetails({ alert }: { alert: AlertDto }) {
  const d = alert.details;
  if ((alert.kind === "skew" || alert.kind === "drift") && Array.isArray(d.features) && d.features.length > 0) {
    const features = d.features as Feature[];
    return (
      <table className="mt-2 w-full max-w-xl text-left text-xs">
        <thead className="text-slate-500">
          <tr><th className="py-0.5 font-medium">Feature</th><th className="font-medium">Comparator</th><th className="text-right font-medium">Distance</th><th className="text-right font-medium">Threshold</th></tr>
        </thead>
        <tbody className="tabular">
          {features.map((f, i) => (
            <tr key={i} className="border-t border-slate-100">
              <td className="py-0.5 font-mono">{String(f.feature ?? "")}</td>
              <td className="text-slate-600">{String(f.comparator ?? "")}</td>
              <td className="text-right font-medium text-bad">{num(f.distance)}</td>
              <td className="text-right text-slate-600">{num(f.threshold)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  const lines = alert.kind === "schema" ? strings(d.anomalies) : alert.kind === "gate_failure" ? strings(d.reasons) : [];
  if (lines.length > 0) {
    return (
      <ul className="mt-2 list-disc space-y-0.5 pl-5 text-xs text-slate-700">
        {lines.slice(0, 6).map((l, i) => <li key={i}>{l}</li>)}
      </ul>
    );
  }
  if (alert.kind === "evaluation_regression" && typeof d.value === "number" && typeof d.production === "number") {
    return (
      <p className="mt-2 text-xs text-slate-700 tabular">
        Loss against production: <span className="font-medium text-bad">{num(typeof d.loss === "number" ? d.loss : Math.abs(d.production - d.value))}</span> on {String(d.metric)}; the gate policy allows {num(typeof d.allowed === "number" ? d.allowed : null)}.
      </p>
    );
  }
  return null;
}
