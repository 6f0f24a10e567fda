import Link from "next/link";
import type { Ctx } from "@/lib/server/context";
import { getVersionGate } from "@/lib/server/promotions/get-version-gate";
import { shortDate } from "@/lib/format";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { DecisionForm } from "./decision-form";
import { CHECK_LABELS, GateChecks } from "./gate-checks";
import { RequestForm } from "./request-form";

/** The promotion part of a version page: the gate's checks for this version now, and what the viewer may do about it. */
export async function VersionPromotionSection({ ctx, slug, version }: { ctx: Ctx; slug: string; version: number }) {
  const g = await getVersionGate({ ctx, input: { slug, version } });
  const own = g.pending?.versionId === g.version.id ? g.pending : null;
  const other = g.pending && !own ? g.pending : null;
  const notPassing = g.checks.filter((c) => c.verdict !== "pass").map((c) => ({ id: c.id, label: CHECK_LABELS[c.id], verdict: c.verdict, sentence: c.sentence }));
  const verdict = g.isProduction ? (
    <Badge tone="ok">in production</Badge>
  ) : g.passed ? (
    <Badge tone="ok">gate passes</Badge>
  ) : (
    <Badge tone="bad">gate does not pass</Badge>
  );

  return (
    <Card data-testid="version-promotion">
      <CardHeader
        title={<span className="flex items-center gap-2">Promotion {verdict}</span>}
        description={
          g.isProduction
            ? `v${g.version.version} is the production version of ${g.model}.`
            : `The gate for v${g.version.version} against production ${g.production ? `v${g.production.version}` : "(none)"}, as it stands now. A check without data blocks.`
        }
      />
      {!g.isProduction && <div className="px-4 py-1"><GateChecks checks={g.checks} /></div>}
      <div className="space-y-3 border-t border-slate-100 p-4 text-sm">
        {g.rolledBack && (
          <p className="rounded-md bg-red-50 p-2 text-red-900">
            Rolled back on {shortDate(g.rolledBack.at)} by {g.rolledBack.by}{g.rolledBack.comment ? ` (“${g.rolledBack.comment}”)` : ""}. The gate will not push it again unless someone asks for it explicitly.
          </p>
        )}
        {own && (
          <div className="space-y-3">
            <p>
              <Badge tone="info">promotion pending</Badge>{" "}
              Request <Link href={`/promotions/${own.id}`} className="font-medium text-brand hover:underline">#{own.id}</Link> by {own.requestedBy}, to replace {own.expectedProductionVersion ? `v${own.expectedProductionVersion}` : "nothing"}.
            </p>
            {g.rights && (g.rights.canApprove || g.rights.canReject) && (
              <DecisionForm requestId={own.id} modelName={g.model} candidate={g.version} production={g.production} notPassing={notPassing} canApprove={g.rights.canApprove} canReject={g.rights.canReject} />
            )}
            {g.rights?.note && <p className="text-slate-600" data-testid="decide-note">{g.rights.note}</p>}
          </div>
        )}
        {other && (
          <p className="text-slate-600">
            v{other.version} already waits for approval (<Link href={`/promotions/${other.id}`} className="text-brand hover:underline">request #{other.id}</Link>).
          </p>
        )}
        {g.canRequest && (!other || other.version < g.version.version) && (
          <RequestForm model={g.model} version={g.version.version} production={g.production?.version ?? null} notPassing={notPassing.length} rolledBack={g.rolledBack !== null} />
        )}
        {!g.isProduction && !own && !g.canRequest && <p className="text-slate-500">Engineers and leads can ask for this version to go live.</p>}
      </div>
    </Card>
  );
}
