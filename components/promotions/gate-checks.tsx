import { CircleCheck, CircleHelp, CircleX, ShieldAlert } from "lucide-react";
import { metric } from "@/lib/format";
import type { GateCheck } from "@/lib/gate/evaluate";
import { Badge } from "../ui/badge";

export const CHECK_LABELS: Record<GateCheck["id"], string> = {
  primary_threshold: "Primary metric against the threshold",
  regression_vs_production: "Regression against production",
  skew: "No skew anomaly",
  reviews_count: "Enough reviews",
  worse_share: "Share of “worse” verdicts",
};

const VERDICT = {
  pass: { tone: "ok", label: "passed", Icon: CircleCheck, color: "text-ok" },
  fail: { tone: "bad", label: "failed", Icon: CircleX, color: "text-bad" },
  no_data: { tone: "warn", label: "no data", Icon: CircleHelp, color: "text-warn" },
} as const;

function figure(check: GateCheck): string | null {
  if (check.observed === null || check.limit === null) return null;
  const share = check.id === "worse_share";
  const fmt = (v: number) => (share ? `${(v * 100).toFixed(1)}%` : check.id === "reviews_count" || check.id === "skew" ? String(v) : metric(v));
  // The regression check observes "worse by": negative means the candidate improved.
  if (check.id === "regression_vs_production") {
    return `${check.observed > 0 ? "worse" : "better"} by ${metric(Math.abs(check.observed))} · allowed ${metric(check.limit)}`;
  }
  return `${fmt(check.observed)} · limit ${fmt(check.limit)}`;
}

/** Every gate check with its verdict (passed, failed, no data), the numbers behind it and its sentence. */
export function GateChecks({ checks, compact = false }: { checks: (GateCheck & { overridden?: boolean; overriddenBy?: string; overrideReason?: string })[]; compact?: boolean }) {
  if (checks.length === 0) {
    return <p className="text-sm text-bad">The gate policy enables no rule, so nothing passes it automatically.</p>;
  }
  return (
    <ul className="divide-y divide-slate-100" aria-label="Gate checks">
      {checks.map((c) => {
        const v = VERDICT[c.verdict];
        const numbers = figure(c);
        return (
          <li key={c.id} className={`flex items-start gap-3 ${compact ? "py-1.5" : "py-2.5"}`} data-testid={`check-${c.id}`} data-verdict={c.verdict}>
            <v.Icon className={`mt-0.5 size-4 shrink-0 ${v.color}`} aria-hidden />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium text-slate-900">{CHECK_LABELS[c.id]}</span>
                <Badge tone={v.tone}>{v.label}</Badge>
                {c.overridden && (
                  <Badge tone="info" title="A lead approved despite this check, with a written reason">
                    <ShieldAlert className="size-3" aria-hidden /> overridden
                  </Badge>
                )}
                {numbers && <span className="text-xs tabular text-slate-500">{numbers}</span>}
              </div>
              {!compact && <p className="mt-0.5 text-sm text-slate-600">{c.sentence}</p>}
              {!compact && c.overridden && c.overrideReason && (
                <p className="mt-1 rounded bg-blue-50 px-2 py-1 text-xs text-blue-900">
                  Overridden{c.overriddenBy ? ` by ${c.overriddenBy}` : ""}: “{c.overrideReason}”
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** "3 passed · 1 failed · 1 no data" as badges. */
export function CheckTally({ pass, fail, noData }: { pass: number; fail: number; noData: number }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone="ok">{pass} passed</Badge>
      {fail > 0 && <Badge tone="bad">{fail} failed</Badge>}
      {noData > 0 && <Badge tone="warn">{noData} no data</Badge>}
    </span>
  );
}
