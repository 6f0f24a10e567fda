import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { age, shortDate } from "@/lib/format";
import type { PromotionListItem } from "@/lib/server/promotions/list-promotion-requests";
import { Card } from "../ui/card";
import { CheckTally } from "./gate-checks";

/** A pending request on the promotions page: what would change, who asked, how the gate stood, where to decide. */
export function PendingRequestCard({ item, now }: { item: PromotionListItem; now: Date }) {
  return (
    <Card className="flex flex-col" data-testid={`pending-request-${item.id}`}>
      <div className="flex items-start justify-between gap-3 border-b border-slate-100 px-4 py-3">
        <div>
          <p className="text-xs text-slate-500">{item.shelf.title} · {item.model}</p>
          <h3 className="mt-0.5 flex items-center gap-2 text-base font-semibold">
            v{item.version}
            <ArrowRight className="size-4 text-slate-400" aria-hidden />
            <span className="font-normal text-slate-600">replaces {item.expectedProductionVersion ? `v${item.expectedProductionVersion}` : "nothing"}</span>
          </h3>
        </div>
        <span className="text-xs text-slate-500" title={item.createdAt}>{age(item.createdAt, now)} ago</span>
      </div>
      <div className="flex-1 space-y-2 px-4 py-3 text-sm">
        <p className="text-slate-700">“{item.reason}”</p>
        <p className="text-xs text-slate-500">Asked by {item.requestedBy} ({item.source}) on {shortDate(item.createdAt)}; {item.approvals.filter((a) => a.decision === "approve").length} approval(s) so far.</p>
        <div className="flex items-center gap-2 text-xs text-slate-500">Gate when asked: <CheckTally {...item.checks} /></div>
      </div>
      <div className="border-t border-slate-100 px-4 py-2.5">
        <Link href={`/promotions/${item.id}`} className="text-sm font-medium text-brand hover:underline">Open the evidence and decide →</Link>
      </div>
    </Card>
  );
}
