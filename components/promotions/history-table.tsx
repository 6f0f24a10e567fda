import Link from "next/link";
import { shortDate } from "@/lib/format";
import type { PromotionListItem } from "@/lib/server/promotions/list-promotion-requests";
import { Badge, type Tone } from "../ui/badge";

const STATUS_TONE: Record<PromotionListItem["status"], Tone> = { pending: "info", deployed: "ok", rejected: "bad", refused: "warn", cancelled: "neutral" };

/** Decided requests, newest first: outcome, who asked, who decided, overrides. */
export function HistoryTable({ items }: { items: PromotionListItem[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2 font-medium">Request</th><th className="font-medium">Shelf</th><th className="font-medium">Version</th><th className="font-medium">Outcome</th>
          <th className="font-medium">Asked by</th><th className="font-medium">Decided by</th><th className="pr-4 font-medium">Decided</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((r) => (
          <tr key={r.id}>
            <td className="px-4 py-1.5"><Link className="text-brand hover:underline" href={`/promotions/${r.id}`}>#{r.id}</Link></td>
            <td>{r.shelf.title}</td>
            <td className="tabular">v{r.version}{r.expectedProductionVersion ? <span className="text-slate-400"> (over v{r.expectedProductionVersion})</span> : null}</td>
            <td>
              <span className="inline-flex gap-1">
                <Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge>
                {r.checks.overridden > 0 && <Badge tone="info">{r.checks.overridden} override{r.checks.overridden > 1 ? "s" : ""}</Badge>}
              </span>
            </td>
            <td className="text-xs">{r.requestedBy}</td>
            <td className="text-xs">{r.approvals.map((a) => a.user).join(", ") || (r.status === "refused" ? "the gate" : "—")}</td>
            <td className="pr-4 text-xs">{r.decidedAt ? shortDate(r.decidedAt) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
