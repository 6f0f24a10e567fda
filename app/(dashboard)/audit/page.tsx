import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { isAllowed } from "@/lib/auth/permissions";
import { listAuditEvents } from "@/lib/server/audit-log/list-audit-events";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { auditHref, parseAuditSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Audit log" };

const PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const ctx = await requireSessionCtx();
  const state = parseAuditSearchParams(await searchParams);
  const page = await listAuditEvents({ ctx, input: { ...state, limit: PAGE } });
  const admin = ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "manageSettings");
  const filtered = Boolean(state.actor || state.action || state.subject || state.from || state.to);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change of state, who made it and when, with what it was before and after. Events are append-only, and each one hashes the one before it, so an edit anywhere breaks the chain."
        crumbs={[{ label: "Home", href: "/" }, { label: "Audit log" }]}
      />
      <div className="space-y-4">
        {admin && <VerifyChainButton />}
        <AuditFilters state={state} actions={page.actions} />
        <Card>
          <CardHeader
            title={filtered ? "Matching events" : "Events"}
            description={state.before ? `Older than event #${state.before}, newest first.` : "Newest first."}
            actions={state.before ? <Link href={auditHref(state, { before: undefined })} className="text-sm text-brand hover:underline">← Newest</Link> : undefined}
          />
          {page.events.length === 0 ? (
            <div className="p-4">
              <EmptyState title={filtered ? "No event matches these filters" : "No events yet"}>
                {filtered ? <Link href="/audit" className="text-brand hover:underline">Clear the filters</Link> : "Events appear as soon as anything changes."}
              </EmptyState>
            </div>
          ) : (
            <>
              <AuditTable events={page.events} />
              <nav aria-label="Audit pages" className="flex items-center justify-between border-t border-slate-100 px-4 py-2 text-sm">
                <span className="text-xs text-slate-500">Events #{page.events[0].id} to #{page.events[page.events.length - 1].id}</span>
                {page.nextBefore !== null && <Link className="text-brand hover:underline" href={auditHref(state, { before: page.nextBefore })}>Older →</Link>}
              </nav>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
