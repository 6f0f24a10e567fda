import { AlertTriangle } from "lucide-react";
import { shortDate } from "@/lib/format";
import type { RequestSummaryDto } from "@/lib/server/promotions/request-rows";
import { Badge, type Tone } from "../ui/badge";

const TONE: Record<RequestSummaryDto["status"], Tone> = { pending: "info", deployed: "ok", rejected: "bad", refused: "warn", cancelled: "neutral" };

function when(iso: string) {
  return `${shortDate(iso)} ${iso.slice(11, 16)} UTC`;
}

/** Who asked for what and why, the decisions so far, and whether production moved under the request. */
export function RequestStatus({ request: r, production, stale }: { request: RequestSummaryDto; production: { version: number } | null; stale: boolean }) {
  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-2" data-testid="request-status">
        <Badge tone={TONE[r.status]}>{r.status}</Badge>
        <span>
          <strong>v{r.version}</strong> {r.status === "deployed" ? "replaced" : "would replace"} <strong>{r.expectedProductionVersion ? `v${r.expectedProductionVersion}` : "nothing"}</strong>
        </span>
      </div>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">Asked by</dt>
        <dd>{r.requestedBy} <span className="text-xs text-slate-500">({r.source}), {when(r.createdAt)}</span></dd>
        <dt className="text-slate-500">Reason</dt>
        <dd className="text-slate-700">{r.reason || "—"}</dd>
        {r.decidedAt && (
          <>
            <dt className="text-slate-500">Decided</dt>
            <dd>{when(r.decidedAt)}</dd>
          </>
        )}
      </dl>
      {r.approvals.length > 0 && (
        <ul className="space-y-1 rounded-md bg-slate-50 p-2" aria-label="Decisions">
          {r.approvals.map((a) => (
            <li key={`${a.user}-${a.at}`} className="flex flex-wrap gap-2">
              <Badge tone={a.decision === "approve" ? "ok" : "bad"}>{a.decision === "approve" ? "approved" : "rejected"}</Badge>
              <span className="font-medium">{a.user}</span>
              <span className="text-xs text-slate-500">{when(a.at)}</span>
              {a.comment && <span className="w-full text-slate-700">“{a.comment}”</span>}
            </li>
          ))}
        </ul>
      )}
      {stale && (
        <p role="alert" className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          Production moved to {production ? `v${production.version}` : "no version"} since this request was opened, so it can no longer be approved. Ask for the promotion again.
        </p>
      )}
    </div>
  );
}
