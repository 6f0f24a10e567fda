import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { age, shortDate } from "@/lib/format";
import type { AlertDto } from "@/lib/server/alerts/list-alerts";
import { AlertActions } from "./alert-actions";
import { AlertDetails } from "./alert-details";
import { AlertKindIcon, AlertKindLabel } from "./alert-kind";

/** "5 min ago", "just now". */
function ago(iso: string, now: Date): string {
  const a = age(iso, now);
  return a === "just now" ? a : `${a} ago`;
}

function Status({ alert, now }: { alert: AlertDto; now: Date }) {
  if (alert.status === "resolved") {
    return <span className="text-xs text-ok">Resolved {alert.resolvedAt ? ago(alert.resolvedAt, now) : ""}{alert.resolvedBy ? ` by ${alert.resolvedBy}` : ""}</span>;
  }
  if (alert.status === "acknowledged") {
    return <span className="text-xs text-warn">Acknowledged {alert.acknowledgedAt ? ago(alert.acknowledgedAt, now) : ""}{alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ""}</span>;
  }
  return <span className="text-xs font-medium text-bad">Open</span>;
}

/** One alert of the inbox: what, where, how often, since when, its evidence, and what to do with it. */
export function AlertCard({ alert, now, canHandle }: { alert: AlertDto; now: Date; canHandle: boolean }) {
  const muted = alert.status === "resolved";
  return (
    <li data-testid={`alert-${alert.id}`} data-status={alert.status} className={`flex gap-3 px-4 py-3 ${muted ? "bg-slate-50/60" : ""}`}>
      <AlertKindIcon kind={alert.kind} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <AlertKindLabel kind={alert.kind} />
          {alert.shelf && <Link href={`/shelves/${alert.shelf.slug}`} className="text-xs font-medium text-slate-600 hover:underline">{alert.shelf.title}</Link>}
          {alert.model && <span className="font-mono text-xs text-slate-500">{alert.model}</span>}
          <span aria-hidden className="text-slate-300">·</span>
          <Status alert={alert} now={now} />
        </div>
        <h3 className={`mt-1 text-sm font-medium ${muted ? "text-slate-600" : "text-slate-900"}`}>{alert.title}</h3>
        <p className="mt-0.5 text-xs text-slate-500 tabular">
          Seen {alert.count === 1 ? "once" : `${alert.count}×`} · first {shortDate(alert.firstSeenAt)} · last {ago(alert.lastSeenAt, now)}
        </p>
        <AlertDetails alert={alert} />
      </div>
      <div className="flex shrink-0 flex-col items-end justify-between gap-2">
        <Link href={alert.link} className="inline-flex items-center gap-1 text-xs font-medium text-brand hover:underline">
          Evidence <ExternalLink className="size-3" aria-hidden />
        </Link>
        {canHandle && <AlertActions id={alert.id} status={alert.status} />}
      </div>
    </li>
  );
}
