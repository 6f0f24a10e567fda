import { CalendarClock, GitCompareArrows, ShieldX, TableProperties, TrendingDown, Waves } from "lucide-react";
import type { AlertKind } from "@/lib/schemas/alerts";

export const ALERT_KIND_LABEL: Record<AlertKind, string> = {
  skew: "Skew",
  drift: "Drift",
  schema: "Schema change",
  evaluation_regression: "Regression",
  missed_retrain: "Missed retrain",
  gate_failure: "Gate refused",
};

const STYLE: Record<AlertKind, { icon: typeof Waves; className: string }> = {
  skew: { icon: GitCompareArrows, className: "bg-red-50 text-red-700 ring-red-600/20" },
  drift: { icon: Waves, className: "bg-orange-50 text-orange-700 ring-orange-600/20" },
  schema: { icon: TableProperties, className: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  evaluation_regression: { icon: TrendingDown, className: "bg-rose-50 text-rose-700 ring-rose-600/20" },
  missed_retrain: { icon: CalendarClock, className: "bg-violet-50 text-violet-700 ring-violet-600/20" },
  gate_failure: { icon: ShieldX, className: "bg-slate-100 text-slate-800 ring-slate-500/30" },
};

/** The icon tile of an alert kind, coloured by kind. */
export function AlertKindIcon({ kind }: { kind: AlertKind }) {
  const { icon: Icon, className } = STYLE[kind];
  return (
    <span className={`grid size-9 shrink-0 place-items-center rounded-lg ring-1 ring-inset ${className}`} title={ALERT_KIND_LABEL[kind]}>
      <Icon className="size-4.5" aria-hidden />
    </span>
  );
}

/** A small label of an alert kind. */
export function AlertKindLabel({ kind }: { kind: AlertKind }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ring-1 ring-inset ${STYLE[kind].className}`}>{ALERT_KIND_LABEL[kind]}</span>;
}
