import Link from "next/link";
import { Suspense } from "react";
import { shortDate } from "@/lib/format";
import type { Ctx } from "@/lib/server/context";
import { listDeployments, type TimelineEntry } from "@/lib/server/deployments/list-deployments";
import { Badge, type Tone } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { ProductionAtPicker } from "./production-at-picker";
import { RollbackForm } from "./rollback-form";

const REASON: Record<TimelineEntry["reason"], { label: string; tone: Tone }> = {
  initial: { label: "launch", tone: "neutral" },
  promotion: { label: "promotion", tone: "ok" },
  automatic_push: { label: "automatic push", tone: "info" },
  rollback: { label: "rollback", tone: "bad" },
};

const TIMELINE = 8;

/** A shelf's deployments: the timeline, what was live on a chosen day (in the URL), and a rollback for its leads. */
export async function ShelfDeploymentsSection({ ctx, model }: { ctx: Ctx; model: string }) {
  const t = await listDeployments({ ctx, input: { model, limit: TIMELINE } });
  return (
    <Card data-testid="shelf-deployments">
      <CardHeader
        title="Deployments"
        description={`Every move of ${t.model}'s production alias, newest first${t.total > TIMELINE ? ` (latest ${TIMELINE} of ${t.total})` : ""}.`}
        actions={t.canRollback && t.production ? <RollbackForm model={t.model} production={t.production} previous={t.previous} targets={t.rollbackTargets} /> : undefined}
      />
      <div className="border-b border-slate-100 px-4 py-3">
        <Suspense fallback={<span className="text-sm text-slate-400">Production on…</span>}>
          <ProductionAtPicker model={t.model} today={ctx.now.toISOString().slice(0, 10)} />
        </Suspense>
      </div>
      {t.entries.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">Nothing has been deployed yet.</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Deployment timeline">
          {t.entries.map((d, i) => (
            <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2 text-sm">
              <span className="w-24 shrink-0 text-xs tabular text-slate-500" title={d.createdAt}>{shortDate(d.createdAt)}</span>
              <span className="font-medium tabular">
                {d.fromVersion !== null ? `v${d.fromVersion} → ` : ""}v{d.toVersion}
              </span>
              <Badge tone={REASON[d.reason].tone}>{REASON[d.reason].label}</Badge>
              {i === 0 && t.production?.version === d.toVersion && <Badge tone="ok">in production</Badge>}
              <span className="text-xs text-slate-500">by {d.actor}</span>
              {d.requestId && <Link href={`/promotions/${d.requestId}`} className="text-xs text-brand hover:underline">request #{d.requestId}</Link>}
              {d.comment && <span className="w-full pl-[6.75rem] text-xs text-slate-600">{d.comment}</span>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
