import { Flag, MessageSquare } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { ChartBarVerdicts } from "@/components/charts/chart-bar-verdicts";
import { ChartHistogramOverlap } from "@/components/charts/chart-histogram-overlap";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { reviewHref } from "@/lib/review/review-url";
import { ITEM_FLAG_LABELS } from "@/lib/schemas/review";
import type { Ctx } from "@/lib/server/context";
import { getVersionReviewSummary, type VersionReviewSummaryDto } from "@/lib/server/review/get-version-review-summary";

const pct = (v: number | null | undefined) => (v == null ? "—" : `${Math.round(v * 100)}%`);
const num = (v: number | null | undefined, digits = 2) => (v == null ? "—" : v.toFixed(digits));

function Stat({ label, value, hint, tone }: { label: string; value: React.ReactNode; hint?: React.ReactNode; tone?: "ok" | "bad" }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular ${tone === "bad" ? "text-bad" : tone === "ok" ? "text-ok" : "text-slate-900"}`}>{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

type SectionProps = { ctx: Ctx; slug: string; version: number };

/**
 * The version page's review section: how the reviewers' verdicts came out (chart, share of "worse"
 * against the gate), flagged items, reviewers, the panel's overlap with production, and the listeners
 * whose lists changed most, each a link into the review queue. Self-contained (it streams in behind
 * its own skeleton): give it the ctx and the version's shelf slug and number.
 */
export function VersionReviewSection(props: SectionProps) {
  return (
    <Suspense fallback={<SectionSkeleton />}>
      <SectionContent {...props} />
    </Suspense>
  );
}

function SectionSkeleton() {
  return (
    <Card aria-label="Sample review" aria-busy="true">
      <CardHeader title="Sample review" description="Loading the reviewers’ verdicts…" />
      <div className="space-y-4 p-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">{[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-16" />)}</div>
        <div className="grid gap-5 lg:grid-cols-2"><Skeleton className="h-40" /><Skeleton className="h-40" /></div>
      </div>
    </Card>
  );
}

async function SectionContent({ ctx, slug, version }: SectionProps) {
  const s = await getVersionReviewSummary({ ctx, input: { slug, version } });
  const queueHref = reviewHref({ model: s.model, candidate: s.version });
  const worseTooHigh = s.worseShare !== null && s.gate?.maxWorseShare != null && s.worseShare > s.gate.maxWorseShare;
  const tooFew = s.gate ? s.total < s.gate.minReviews : false;

  return (
    <Card aria-label="Sample review" data-testid="version-review">
      <CardHeader
        title="Sample review"
        description={s.baseline ? `Reviewers compared this version’s recommendations with production (v${s.baseline.version}) for the listener panel.` : "Reviewers’ verdicts on this version’s recommendations for the listener panel."}
        actions={<Link href={queueHref} className="shrink-0 text-sm font-medium text-brand hover:underline">Open the review queue →</Link>}
      />
      {s.panel === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">No samples for this version yet: the pipeline posts them to <code className="text-xs">POST /api/v1/models/{s.model}/versions/{s.version}/samples</code>.</p>
      ) : (
        <div className="space-y-5 p-4">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label="Verdicts" value={<span data-testid="review-total">{s.total}</span>} hint={s.gate && s.gate.minReviews > 0 ? <span className={tooFew ? "text-warn" : ""}>gate needs {s.gate.minReviews}</span> : undefined} />
            <Stat label="Share of “worse”" value={<span data-testid="review-worse-share">{pct(s.worseShare)}</span>} tone={s.worseShare === null ? undefined : worseTooHigh ? "bad" : "ok"} hint={s.gate?.maxWorseShare != null ? `gate allows ≤ ${pct(s.gate.maxWorseShare)}` : undefined} />
            <Stat label="Reviewers" value={<span data-testid="review-reviewers">{s.reviewers}</span>} />
            <Stat label="Listeners reviewed" value={<span data-testid="review-listeners">{s.listenersReviewed}</span>} hint={`of ${s.panel} in the panel`} />
          </dl>

          <div className="grid gap-5 lg:grid-cols-2">
            <div className="space-y-5">
              <div>
                <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Verdicts</h3>
                {s.total === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">No verdicts yet. <Link className="text-brand underline" href={queueHref}>Start reviewing</Link>.</p>
                ) : (
                  <>
                    <ChartBarVerdicts counts={s.verdicts} maxWorseShare={s.gate?.maxWorseShare ?? null} />
                    <p className="sr-only" data-testid="review-verdict-counts">{`better ${s.verdicts.better}, same ${s.verdicts.same}, worse ${s.verdicts.worse}`}</p>
                  </>
                )}
              </div>
              <FlaggedItems summary={s} />
            </div>
            <div className="space-y-5">
              <PanelOverlap summary={s} />
              <BiggestChanges summary={s} />
            </div>
          </div>

          {s.comments.length > 0 && (
            <div>
              <h3 className="flex items-center gap-1 text-xs font-medium uppercase tracking-wide text-slate-500"><MessageSquare className="size-3.5" aria-hidden />Latest comments</h3>
              <ul className="mt-2 space-y-2">
                {s.comments.map((c) => (
                  <li key={`${c.listener}-${c.reviewer}-${c.at}`} className="rounded-md border border-slate-100 px-3 py-2 text-sm">
                    <p className="whitespace-pre-line text-slate-800">{c.comment}</p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      <Badge tone={c.verdict === "better" ? "ok" : c.verdict === "worse" ? "bad" : "neutral"}>{c.verdict}</Badge> {c.reviewer} on{" "}
                      <Link className="font-mono hover:underline" href={reviewHref({ model: s.model, candidate: s.version, listener: c.listener })}>{c.listener}</Link>
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function PanelOverlap({ summary: s }: { summary: VersionReviewSummaryDto }) {
  const d = s.distributions;
  if (!d?.rbo || !d.overlapAtK) {
    return <div><h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Against production</h3><p className="mt-2 text-sm text-slate-500">No production list to compare with for this panel.</p></div>;
  }
  const rows: [string, string, string][] = [
    ["Catalogue coverage", pct(d.candidate.coverage.share), pct(d.baseline?.coverage.share)],
    ["Diversity by type", num(d.candidate.diversity.byType), num(d.baseline?.diversity.byType)],
    ["Diversity by creator", num(d.candidate.diversity.byCreator), num(d.baseline?.diversity.byCreator)],
  ];
  return (
    <div>
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Against production, over {d.rbo.count} listeners</h3>
      <p className="mt-1 text-xs text-slate-600">Median RBO <span className="font-semibold tabular text-slate-900">{num(d.rbo.median)}</span> · median overlap@{d.k} <span className="font-semibold tabular text-slate-900">{num(d.overlapAtK.median)}</span></p>
      <ChartHistogramOverlap rbo={d.rbo.histogram} overlap={d.overlapAtK.histogram} k={d.k} />
      <table className="mt-2 w-full text-xs">
        <thead className="text-slate-500"><tr><th className="text-left font-normal" /><th className="text-right font-normal">v{s.version}</th><th className="text-right font-normal">production</th></tr></thead>
        <tbody className="tabular">
          {rows.map(([label, a, b]) => <tr key={label}><td className="py-0.5 text-slate-600" title="Gini–Simpson index for diversity: the chance that two slots of a list differ">{label}</td><td className="text-right font-medium">{a}</td><td className="text-right text-slate-500">{b}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}

function FlaggedItems({ summary: s }: { summary: VersionReviewSummaryDto }) {
  return (
    <div>
      <h3 className="flex items-center gap-1 text-xs font-medium uppercase tracking-wide text-slate-500"><Flag className="size-3.5" aria-hidden />Flagged items</h3>
      {s.flagged.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No item flagged.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" data-testid="flagged-items">
          {s.flagged.map((f) => (
            <li key={f.uri} className="flex items-center justify-between gap-3 py-1.5">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-900" title={f.title}>{f.title}</p>
                <p className="truncate text-xs text-slate-500">{f.creator ? `${f.creator} · ` : ""}{f.type} · {f.listeners} listener{f.listeners > 1 ? "s" : ""}</p>
              </div>
              <div className="flex shrink-0 flex-wrap justify-end gap-1">
                {Object.entries(f.flags).map(([flag, n]) => <Badge key={flag} tone="bad">{ITEM_FLAG_LABELS[flag as keyof typeof ITEM_FLAG_LABELS] ?? flag}{n > 1 ? ` ×${n}` : ""}</Badge>)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BiggestChanges({ summary: s }: { summary: VersionReviewSummaryDto }) {
  return (
    <div>
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Listeners with the biggest changes</h3>
      {s.biggestChanges.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No listener has a production list to compare with.</p>
      ) : (
        <table className="mt-2 w-full text-sm" data-testid="biggest-changes">
          <thead className="text-xs text-slate-500"><tr><th className="text-left font-normal">Listener</th><th className="text-right font-normal">RBO</th><th className="text-right font-normal">new / dropped</th><th className="text-right font-normal">reviews</th></tr></thead>
          <tbody className="divide-y divide-slate-100 tabular">
            {s.biggestChanges.map((c) => (
              <tr key={c.listener}>
                <td className="py-1"><Link className="font-mono text-xs text-brand hover:underline" href={reviewHref({ model: s.model, candidate: s.version, sort: "change", listener: c.listener })}>{c.listener}</Link></td>
                <td className="text-right">{c.rbo.toFixed(2)}</td>
                <td className="text-right text-xs"><span className="text-green-700">+{c.added}</span> / <span className="text-red-700">−{c.dropped}</span></td>
                <td className="text-right text-xs text-slate-500">{c.reviews}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
