import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChartHeatmapDrift } from "@/components/charts/chart-heatmap-drift";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { KIND_EXPLANATIONS } from "@/components/validation/format";
import { ReportList } from "@/components/validation/report-list";
import { SegmentedLinks } from "@/components/validation/segmented-links";
import { ValidationStatePanel } from "@/components/validation/validation-state-panel";
import { isAllowed } from "@/lib/auth/permissions";
import { HEATMAP_WINDOWS, REPORT_KIND_LABELS, REPORT_KINDS } from "@/lib/schemas/validation";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page-data";
import { getShelf } from "@/lib/server/shelves/get-shelf";
import { getValidationHeatmap } from "@/lib/server/validation/get-validation-heatmap";
import { getValidationState } from "@/lib/server/validation/get-validation-state";
import { listReports } from "@/lib/server/validation/list-reports";
import { parseValidationFilters, validationHref } from "./search-params";

export const metadata: Metadata = { title: "Data validation" };

const TOP_ROWS = 40;
const DAY_MS = 86_400_000;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ValidationPage({ params, searchParams }: Props) {
  const ctx = await requireSessionCtx();
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const filters = parseValidationFilters(raw);
  const shelf = await orNotFound(getShelf({ ctx, input: { slug } }));
  // Alerts link to `?report=<id>`: that is the report's own page.
  if (filters.report) redirect(`/shelves/${encodeURIComponent(shelf.slug)}/validation/${filters.report}`);
  const crumbs = [{ label: "Home", href: "/" }, { label: shelf.title, href: `/shelves/${shelf.slug}` }, { label: "Validation" }];
  const engineer = ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "editThresholds");
  const header = (
    <PageHeader
      title="Data validation"
      description={`${shelf.modelName ?? "This shelf"}'s features: skew compares ${KIND_EXPLANATIONS.skew}; drift ${KIND_EXPLANATIONS.drift}. A distance strictly above its feature's threshold is an anomaly.`}
      crumbs={crumbs}
      actions={engineer ? <Link href="/settings#feature-thresholds" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Edit thresholds</Link> : undefined}
    />
  );
  if (!shelf.modelName) {
    return (
      <>
        {header}
        <EmptyState title="No model fills this shelf yet">Validation starts once a pipeline registers the shelf&apos;s model and posts its statistics.</EmptyState>
      </>
    );
  }
  const model = shelf.modelName;
  const today = Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate());
  const from = new Date(today - filters.window * DAY_MS).toISOString().slice(0, 10);
  const [state, heatmap, reports] = await Promise.all([
    getValidationState({ ctx, input: { model } }),
    getValidationHeatmap({ ctx, input: { model, kind: filters.kind, window: filters.window, rows: filters.rows === "all" ? 0 : TOP_ROWS } }),
    listReports({ ctx, input: { model, kind: filters.kind, limit: filters.kind === "training_drift" ? filters.window : 200, ...(filters.kind === "training_drift" ? {} : { from }) } }),
  ]);
  const href = (change: Parameters<typeof validationHref>[2]) => validationHref(shelf.slug, filters, change);
  const columnNoun = filters.kind === "training_drift" ? "version" : "day";

  return (
    <>
      {header}
      <div className="space-y-6">
        <ValidationStatePanel slug={shelf.slug} state={state} />

        <Card>
          <CardHeader
            title={`${REPORT_KIND_LABELS[filters.kind]}: features × ${columnNoun}s`}
            description={`Distance / threshold per feature, ${KIND_EXPLANATIONS[filters.kind]}; newest on the right, most severe features on top.`}
            actions={
              <div className="flex flex-wrap items-center justify-end gap-2">
                <SegmentedLinks label="Report kind" segments={REPORT_KINDS.map((k) => ({ label: REPORT_KIND_LABELS[k], href: href({ kind: k }), active: filters.kind === k, testId: `kind-${k}` }))} />
                <SegmentedLinks
                  label="Window"
                  segments={HEATMAP_WINDOWS.map((w) => ({ label: `${w} ${columnNoun}s`, href: href({ window: w }), active: filters.window === w, testId: `window-${w}` }))}
                />
              </div>
            }
          />
          <div className="p-4">
            {heatmap.rows.length === 0 ? (
              <EmptyState title={`No ${REPORT_KIND_LABELS[filters.kind].toLowerCase()} report in this window`}>
                Reports are computed when statistics arrive: pipelines post them with <code>POST /api/v1/models/{model}/statistics</code> (a profile or TFDV statistics) or raw rows with <code>…/feature-rows</code>.
              </EmptyState>
            ) : (
              <>
                <ChartHeatmapDrift slug={shelf.slug} columns={heatmap.columns} rows={heatmap.rows} columnNoun={columnNoun} />
                {heatmap.totalFeatures > heatmap.rows.length ? (
                  <p className="mt-3 text-xs text-slate-600">
                    The {heatmap.rows.length} most severe of {heatmap.totalFeatures} features. <Link className="text-brand hover:underline" href={href({ rows: "all" })}>Show all</Link>
                  </p>
                ) : filters.rows === "all" && heatmap.totalFeatures > TOP_ROWS ? (
                  <p className="mt-3 text-xs text-slate-600"><Link className="text-brand hover:underline" href={href({ rows: "top" })}>Show the {TOP_ROWS} most severe only</Link></p>
                ) : null}
              </>
            )}
          </div>
        </Card>

        <Card>
          <CardHeader title={`${REPORT_KIND_LABELS[filters.kind]} reports`} description={`Newest first, ${filters.kind === "training_drift" ? `the last ${filters.window} versions` : `since ${from}`}. Open one for every feature's distance, its histograms and its history.`} />
          {reports.reports.length === 0 ? <p className="p-4 text-sm text-slate-500">No report in this window.</p> : <ReportList reports={reports.reports} />}
        </Card>
      </div>
    </>
  );
}
