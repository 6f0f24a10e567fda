import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionForm } from "@/components/promotions/decision-form";
import { ReviewSummary, SampleChanges, ScoresTable, ValidationDays } from "@/components/promotions/evidence-panels";
import { CHECK_LABELS, GateChecks } from "@/components/promotions/gate-checks";
import { RequestStatus } from "@/components/promotions/request-status";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page-data";
import { getPromotionRequest } from "@/lib/server/promotions/get-promotion-request";

export const metadata: Metadata = { title: "Promotion request" };

type Props = { params: Promise<{ id: string }> };

export default async function PromotionRequestPage({ params }: Props) {
  const ctx = await requireSessionCtx();
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const p = await orNotFound(getPromotionRequest({ ctx, input: { id: Number(id) } }));
  const r = p.request;
  const pending = r.status === "pending";
  const notPassing = p.checks.filter((c) => c.verdict !== "pass").map((c) => ({ id: c.id, label: CHECK_LABELS[c.id], verdict: c.verdict, sentence: c.sentence }));
  const policy = p.policy;

  return (
    <>
      <PageHeader
        title={`v${p.candidate.version} of ${r.model} for production`}
        description={`${p.shelf.title}: request #${r.id}, ${pending ? "waiting for a lead" : r.status}.`}
        crumbs={[{ label: "Home", href: "/" }, { label: "Promotions", href: "/promotions" }, { label: `Request #${r.id}` }]}
        actions={<Link href={`/shelves/${p.shelf.slug}/versions/${p.candidate.version}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Version page</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="Decision" description={pending ? "Approve against what you see here: if production or the candidate moves before you confirm, the server refuses." : undefined} />
            <div className="space-y-4 p-4">
              <RequestStatus request={r} production={p.production} stale={p.stale} />
              {pending && !p.stale && (p.rights.canApprove || p.rights.canReject) && (
                <DecisionForm
                  requestId={r.id}
                  modelName={r.model}
                  candidate={{ id: p.candidate.id, version: p.candidate.version }}
                  production={p.production}
                  notPassing={notPassing}
                  canApprove={p.rights.canApprove}
                  canReject={p.rights.canReject}
                />
              )}
              {pending && p.rights.note && <p className="text-sm text-slate-600" data-testid="decide-note">{p.rights.note}</p>}
            </div>
          </Card>
          <Card>
            <CardHeader
              title={pending ? "Gate checks now" : "Gate checks at the decision"}
              description={`Policy: ${policy.approvalsRequired === 0 ? "no approval required when every check passes" : `${policy.approvalsRequired} approval${policy.approvalsRequired > 1 ? "s" : ""} by a lead`}${policy.forbidSelfApproval ? "; the author may not approve" : ""}. A check without data blocks.`}
            />
            <div className="px-4 py-1"><GateChecks checks={p.checks} /></div>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Scores against production" description={`Primary metric ${policy.primaryMetric}${policy.absoluteThreshold !== null ? `, threshold ${policy.absoluteThreshold}` : ""}${policy.maxRegression !== null ? `, largest allowed regression ${policy.maxRegression}` : ""}.`} />
            <ScoresTable scores={p.details.scores} candidate={p.candidate.version} production={p.production?.version ?? null} />
          </Card>
          <Card>
            <CardHeader title="Skew and drift, recent days" description={policy.skewFreeDays ? `The gate wants no skew anomaly in the last ${policy.skewFreeDays} days.` : "The gate does not check skew."} />
            <ValidationDays days={p.details.days} />
          </Card>
          <Card>
            <CardHeader title="Reviewer verdicts" description={policy.maxWorseShare !== null ? `At most ${(policy.maxWorseShare * 100).toFixed(0)}% “worse” verdicts allowed.` : undefined} />
            <ReviewSummary reviews={p.details.reviews} minReviews={policy.minReviews} />
          </Card>
          <Card>
            <CardHeader title="Largest recommendation changes" description={`Sampled lists of v${p.candidate.version} against ${p.production ? `v${p.production.version}` : "production"} for the same listeners.`} />
            <SampleChanges samples={p.details.samples} />
          </Card>
        </div>
      </div>
    </>
  );
}
