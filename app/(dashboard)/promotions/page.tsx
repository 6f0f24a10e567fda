import type { Metadata } from "next";
import Link from "next/link";
import { HistoryTable } from "@/components/promotions/history-table";
import { PendingRequestCard } from "@/components/promotions/pending-request-card";
import { ProductionTable } from "@/components/promotions/production-table";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { listDeployments } from "@/lib/server/deployments/list-deployments";
import { listProduction } from "@/lib/server/deployments/list-production";
import { listPromotionRequests } from "@/lib/server/promotions/list-promotion-requests";
import { parsePromotionsSearchParams, promotionsHref } from "./search-params";

export const metadata: Metadata = { title: "Promotions" };

const HISTORY_PAGE = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PromotionsPage({ searchParams }: Props) {
  const ctx = await requireSessionCtx();
  const state = parsePromotionsSearchParams(await searchParams);
  const at = state.at ? new Date(`${state.at}T23:59:59.999Z`) : null;
  const [pending, history, production] = await Promise.all([
    listPromotionRequests({ ctx, input: { status: "pending", pageSize: 50 } }),
    listPromotionRequests({ ctx, input: { status: "decided", page: state.page, pageSize: HISTORY_PAGE } }),
    listProduction({ ctx, input: { at } }),
  ]);
  // Where a rollback may go, only for the shelves this person may roll back.
  const timelines = await Promise.all(production.map((p) => (p.canRollback ? listDeployments({ ctx, input: { model: p.model, limit: 5 } }) : null)));
  const pages = Math.max(1, Math.ceil(history.total / HISTORY_PAGE));

  return (
    <>
      <PageHeader
        title="Promotions"
        description="Requests waiting for a lead, with their evidence; what is in production on each shelf, and what was on any day; every decision made."
        crumbs={[{ label: "Home", href: "/" }, { label: "Promotions" }]}
      />
      <div className="space-y-8">
        <section aria-labelledby="pending-title" className="space-y-3">
          <h2 id="pending-title" className="text-sm font-semibold text-slate-900">Waiting for a decision ({pending.total})</h2>
          {pending.items.length === 0 ? (
            <EmptyState title="No promotion is waiting">Pipelines ask the gate with <code>POST /api/v1/models/&#123;model&#125;/versions/&#123;v&#125;/promote</code>; engineers ask from a version&apos;s page.</EmptyState>
          ) : (
            <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {pending.items.map((item) => <PendingRequestCard key={item.id} item={item} now={ctx.now} />)}
            </div>
          )}
        </section>

        <Card>
          <CardHeader title="In production" description="The production alias of every shelf's model. Pick a day to see what was live at its end (UTC)." />
          <ProductionTable rows={production} at={state.at ?? null} now={ctx.now} timelines={timelines} />
        </Card>

        <Card>
          <CardHeader title="Decided requests" description={`${history.total} so far: deployed, rejected by a lead, refused by the gate, or cancelled when production moved.`} />
          {history.items.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">No request has been decided yet.</p>
          ) : (
            <>
              <HistoryTable items={history.items} />
              <nav aria-label="History pages" className="flex items-center justify-between border-t border-slate-100 px-4 py-2 text-sm">
                <span className="text-xs text-slate-500">Page {history.page} of {pages}</span>
                <span className="flex gap-3">
                  {history.page > 1 && <Link className="text-brand hover:underline" href={promotionsHref(state, { page: history.page - 1 })}>← Newer</Link>}
                  {history.page < pages && <Link className="text-brand hover:underline" href={promotionsHref(state, { page: history.page + 1 })}>Older →</Link>}
                </span>
              </nav>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
