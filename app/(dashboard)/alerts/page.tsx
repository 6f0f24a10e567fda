import { BellRing, CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AlertCard } from "@/components/alerts/alert-card";
import { AlertFilterBar } from "@/components/alerts/alert-filters";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { isAllowed } from "@/lib/auth/permissions";
import { listAlerts } from "@/lib/server/alerts/list-alerts";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { alertsHref, parseAlertFilters } from "./search-params";

export const metadata: Metadata = { title: "Alerts" };

const PAGE_SIZE = 25;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionCtx();
  const filters = parseAlertFilters(await searchParams);
  const list = await listAlerts({ ctx, input: { ...filters, pageSize: PAGE_SIZE } });
  const canHandle = ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "handleAlerts");
  const href = (change: Parameters<typeof alertsHref>[1]) => alertsHref(filters, change);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const filtered = filters.kind !== undefined || filters.shelf !== undefined;
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Skew, drift and schema changes, evaluation regressions, missed retrains and gate refusals. One alert per subject and kind while it is live: repeat sightings raise its count. Acknowledge an alert you are working on; resolve it once fixed (if the condition still holds at the next check, a new alert opens)."
        crumbs={[{ label: "Home", href: "/" }, { label: "Alerts" }]}
      />
      <AlertFilterBar filters={filters} list={list} href={href} />
      <div className="mt-4">
        {list.items.length === 0 ? (
          filters.status === "active" && !filtered ? (
            <EmptyState title="All clear" icon={<CircleCheck className="size-8 text-ok" aria-hidden />}>
              No alert is open or acknowledged. The daily validation pass and the checks every few seconds will raise one here, and post it to your webhooks, when something needs a look.
            </EmptyState>
          ) : (
            <EmptyState title="No alerts match these filters" icon={<BellRing className="size-8" aria-hidden />}>
              <Link href="/alerts" className="text-brand hover:underline">Show every active alert</Link>
            </EmptyState>
          )
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100" aria-label="Alerts">
              {list.items.map((a) => <AlertCard key={a.id} alert={a} now={ctx.now} canHandle={canHandle} />)}
            </ul>
          </Card>
        )}
      </div>
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          <span className="text-slate-500 tabular">Page {list.page} of {pages} · {list.total} alerts</span>
          <div className="flex gap-2">
            {list.page > 1 && <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href({ page: list.page - 1 })}>Newer</Link>}
            {list.page < pages && <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href({ page: list.page + 1 })}>Older</Link>}
          </div>
        </nav>
      )}
    </>
  );
}
