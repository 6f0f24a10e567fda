import Link from "next/link";
import { age, metric, shortDate } from "@/lib/format";
import type { ShelfRegistryDto } from "@/lib/server/registry/get-shelf-registry";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { Delta } from "./delta";

function Stat({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 px-4 py-3" data-testid={testId}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm">{children}</dd>
    </div>
  );
}

/** The shelf's answer in one row: production and since when, the candidate against threshold and production, the gate. */
export function ShelfSummary({ registry, now }: { registry: ShelfRegistryDto; now: Date }) {
  const { production, candidate, policy, shelf, model } = registry;
  const versionHref = (v: number) => `/shelves/${shelf.slug}/versions/${v}`;
  return (
    <Card aria-label="Production and candidate">
      <dl className="grid divide-y divide-slate-100 sm:grid-cols-2 sm:divide-y-0 lg:grid-cols-4 lg:divide-x">
        <Stat label="In production" testId="summary-production">
          {production ? (
            <>
              <Link href={versionHref(production.version)} className="text-lg font-semibold text-slate-900 hover:underline">v{production.version}</Link>
              <p className="text-xs text-slate-600">
                {production.since ? <>since {shortDate(production.since)} ({age(production.since, now)})</> : "since an unrecorded date"}
              </p>
            </>
          ) : (
            <span className="text-slate-500">No version in production yet.</span>
          )}
        </Stat>
        <Stat label="Candidate" testId="summary-candidate">
          {candidate ? (
            <>
              <div className="flex flex-wrap items-baseline gap-2">
                <Link href={versionHref(candidate.version)} className="text-lg font-semibold text-slate-900 hover:underline">v{candidate.version}</Link>
                {candidate.pendingPromotion && <Badge tone="info">promotion pending</Badge>}
              </div>
              <p className="text-xs text-slate-600">trained {shortDate(candidate.trainedAt)}</p>
            </>
          ) : (
            <span className="text-slate-500">None waiting: production is the newest version.</span>
          )}
        </Stat>
        <Stat label={policy ? `${policy.primaryMetric}: candidate against production` : "Primary metric"} testId="summary-verdict">
          {candidate && policy ? (
            <>
              <p className="text-lg font-semibold tabular">
                {metric(candidate.score)} <span className="text-sm font-normal text-slate-500">vs {metric(production?.score)}</span>
              </p>
              <p className="flex flex-wrap items-center gap-2 text-xs">
                <Delta delta={candidate.delta} verdict={candidate.verdict} suffix=" vs production" />
                {candidate.meetsThreshold !== null && (
                  <Badge tone={candidate.meetsThreshold ? "ok" : "bad"}>{candidate.meetsThreshold ? "meets" : "misses"} threshold {metric(policy.threshold)}</Badge>
                )}
              </p>
            </>
          ) : (
            <span className="text-slate-500">{policy ? "No candidate to compare." : "This model has no gate policy."}</span>
          )}
        </Stat>
        <Stat label="Versions">
          <p className="text-lg font-semibold tabular">{registry.versionCount.toLocaleString("en-US")}</p>
          <p className="text-xs text-slate-600">
            {model?.name}
            {policy && <> · gate on {policy.primaryMetric}, {policy.direction === "higher_is_better" ? "higher" : "lower"} is better</>}
          </p>
        </Stat>
      </dl>
    </Card>
  );
}
