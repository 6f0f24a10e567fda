import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartLineFeatureHistory } from "@/components/charts/chart-line-feature-history";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FeatureDetail } from "@/components/validation/feature-detail";
import { comparatorLabel, KIND_EXPLANATIONS } from "@/components/validation/format";
import { ReportFeaturesTable } from "@/components/validation/report-features-table";
import { SchemaAnomaliesList } from "@/components/validation/schema-anomalies-list";
import { SegmentedLinks } from "@/components/validation/segmented-links";
import { isAllowed } from "@/lib/auth/permissions";
import { shortDate } from "@/lib/format";
import { REPORT_KIND_LABELS } from "@/lib/schemas/validation";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page-data";
import { getShelf } from "@/lib/server/shelves/get-shelf";
import { getFeatureHistory } from "@/lib/server/validation/get-feature-history";
import { getReport, type ReportDetailDto } from "@/lib/server/validation/get-report";
import { getReportFeature } from "@/lib/server/validation/get-report-feature";
import { parseReportFilters, reportHref, reportPath, reportQuery } from "./search-params";

export const metadata: Metadata = { title: "Validation report" };

const TABLE_ROWS = 50;
const SCHEMA_ROWS = 20;

type Props = { params: Promise<{ slug: string; reportId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function sideLabels(r: ReportDetailDto): { baseline: string; target: string } {
  const name = (d: ReportDetailDto["baseline"]) => (d.kind === "serving" ? `serving ${d.day}` : `${d.kind} v${d.version}`);
  return { baseline: name(r.baseline), target: name(r.target) };
}

function title(r: ReportDetailDto): string {
  if (r.kind === "training_drift") return `Training drift of v${r.target.version}`;
  return `${REPORT_KIND_LABELS[r.kind]} on ${r.day ? shortDate(r.day) : "?"}`;
}

function description(r: ReportDetailDto): string {
  const rows = (n: number) => `${n.toLocaleString("en-US")} examples`;
  if (r.kind === "skew") return `Serving features of ${r.day} (${rows(r.target.numExamples)}) against the training data of v${r.baseline.version} (${rows(r.baseline.numExamples)}), the version in production that day.`;
  if (r.kind === "drift") return `Serving features of ${r.day} (${rows(r.target.numExamples)}) against those of ${r.baseline.day} (${rows(r.baseline.numExamples)}).`;
  return `Training data of v${r.target.version} (${rows(r.target.numExamples)}) against that of v${r.baseline.version} (${rows(r.baseline.numExamples)}).`;
}

export default async function ReportPage({ params, searchParams }: Props) {
  const ctx = await requireSessionCtx();
  const [{ slug, reportId }, raw] = await Promise.all([params, searchParams]);
  const state = parseReportFilters(raw);
  const shelf = await orNotFound(getShelf({ ctx, input: { slug } }));
  const id = Number(reportId);
  if (!shelf.modelName || !Number.isInteger(id) || id <= 0) notFound();
  const report = await orNotFound(getReport({ ctx, input: { model: shelf.modelName, report: id } }));
  const selected = state.feature ?? report.topFeature ?? report.features[0]?.feature ?? report.notComparable[0]?.feature ?? null;
  const labels = sideLabels(report);
  const engineer = ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "editThresholds");
  const [detail, history] = await Promise.all([
    selected ? getReportFeature({ ctx, input: { model: report.model, report: report.id, feature: selected } }).catch(() => null) : null,
    selected ? getFeatureHistory({ ctx, input: { model: report.model, feature: selected, kind: report.kind, days: state.days } }) : null,
  ]);
  // Most severe first: the top rows (every anomaly among them) tell the story; the rest on demand.
  const shown = state.all ? report.features : report.features.slice(0, Math.max(TABLE_ROWS, report.anomalyCount));
  const base = `/shelves/${encodeURIComponent(shelf.slug)}`;
  const validationView = `${base}/validation${report.kind === "skew" ? "" : `?kind=${report.kind}`}`;
  const nav = (n: ReportDetailDto["previous"], text: string) =>
    n ? <Link href={reportHref(shelf.slug, n.id, state)} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-50" data-testid={text.startsWith("←") ? "report-previous" : "report-next"}>{text.replace("#", n.label)}</Link> : null;

  return (
    <>
      <PageHeader
        title={title(report)}
        description={description(report)}
        crumbs={[{ label: "Home", href: "/" }, { label: shelf.title, href: base }, { label: "Validation", href: validationView }, { label: report.day ?? `v${report.target.version}` }]}
        actions={<div className="flex gap-2">{nav(report.previous, "← #")}{nav(report.next, "# →")}</div>}
      />
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-summary">
          {report.anomalous ? <Badge tone="bad">anomalous</Badge> : <Badge tone="ok">no anomaly</Badge>}
          <span className="text-slate-700">{report.featureCount} features compared</span>
          <span className={report.anomalyCount > 0 ? "font-semibold text-bad" : "text-slate-600"}>· {report.anomalyCount} above threshold</span>
          <span className={report.schemaAnomalyCount > 0 ? "font-semibold text-bad" : "text-slate-600"}>· {report.schemaAnomalyCount} schema anomal{report.schemaAnomalyCount === 1 ? "y" : "ies"}</span>
          {report.notComparableCount > 0 && <span className="text-slate-600">· {report.notComparableCount} not comparable</span>}
          <span className="text-xs text-slate-400">· {KIND_EXPLANATIONS[report.kind]}</span>
        </div>

        {report.schemaAnomalies.length > 0 && (
          <Card className="border-red-200">
            <CardHeader title="Schema anomalies" description="Changes a distance cannot show: features missing or new, type changes, values the baseline never had, missing values on the rise." />
            <SchemaAnomaliesList anomalies={state.all ? report.schemaAnomalies : report.schemaAnomalies.slice(0, SCHEMA_ROWS)} />
            {!state.all && report.schemaAnomalies.length > SCHEMA_ROWS && (
              <p className="border-t border-red-100 px-4 py-2 text-xs text-slate-600">
                {report.schemaAnomalies.length - SCHEMA_ROWS} more.{" "}
                <Link href={reportHref(shelf.slug, report.id, state, { all: "1" })} scroll={false} className="font-medium text-brand hover:underline">Show all</Link>
              </p>
            )}
          </Card>
        )}

        <Card>
          <CardHeader title="Features, most severe first" description="Each distance with its comparator and threshold; an anomaly is a distance strictly above its threshold. Select a feature to see its distributions and history." />
          {report.features.length + report.notComparable.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">The two profiles share no feature of the same type.</p>
          ) : (
            <>
              <ReportFeaturesTable features={shown} notComparable={report.notComparable} selected={selected} basePath={reportPath(shelf.slug, report.id)} query={reportQuery(state, { feature: undefined })} />
              {shown.length < report.features.length && (
                <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
                  The {shown.length} most severe of {report.features.length} compared features.{" "}
                  <Link href={reportHref(shelf.slug, report.id, state, { all: "1" })} scroll={false} className="font-medium text-brand hover:underline" data-testid="show-all-features">Show all</Link>
                </p>
              )}
            </>
          )}
        </Card>

        {selected && (
          <Card data-testid="selected-feature">
            <CardHeader
              title={<span className="font-mono">{selected}</span>}
              description={`${labels.baseline} (blue) against ${labels.target} (orange).`}
              actions={engineer ? <Link href="/settings#feature-thresholds" className="text-xs font-medium text-brand hover:underline">Edit its thresholds</Link> : undefined}
            />
            <div className="space-y-6 p-4">
              {detail ? <FeatureDetail detail={detail} labels={labels} /> : <EmptyState title="No statistics for this feature">Neither side of this report holds it.</EmptyState>}
              {history && history.points.length > 0 && (
                <div>
                  <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                    <h3 className="text-sm font-semibold text-slate-900">
                      History: {REPORT_KIND_LABELS[report.kind].toLowerCase()}, {history.comparator ? comparatorLabel(history.comparator) : ""} distance
                      {history.anomalousSince && <span className="ml-2 text-xs font-normal text-bad">above threshold from {history.anomalousSince.label} to the newest report</span>}
                    </h3>
                    {report.kind !== "training_drift" && (
                      <SegmentedLinks label="History window" segments={[30, 90, 365].map((d) => ({ label: `${d} days`, href: reportHref(shelf.slug, report.id, state, { days: d }), active: state.days === d }))} />
                    )}
                  </div>
                  <ChartLineFeatureHistory
                    slug={shelf.slug}
                    feature={selected}
                    byVersion={report.kind === "training_drift"}
                    comparator={history.comparator ? comparatorLabel(history.comparator) : ""}
                    threshold={history.threshold}
                    points={history.points}
                    deployments={history.deployments}
                    currentReportId={report.id}
                  />
                </div>
              )}
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
