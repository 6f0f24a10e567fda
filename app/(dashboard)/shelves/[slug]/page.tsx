import type { Metadata } from "next";
import Link from "next/link";
import { ChartLineMetric } from "@/components/charts/chart-line-metric";
import { ChartLineOnline } from "@/components/charts/chart-line-online";
import { ShelfSummary } from "@/components/registry/shelf-summary";
import { VersionsTable } from "@/components/registry/versions-table";
import { ShelfDeploymentsSection } from "@/components/promotions/shelf-deployments-section";
import { ShelfValidationSection } from "@/components/validation/shelf-validation-section";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { packColumns } from "@/lib/registry/columns";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page-data";
import { getMetricSeries } from "@/lib/server/registry/get-metric-series";
import { getOnlineSeries } from "@/lib/server/registry/get-online-series";
import { getShelfRegistry } from "@/lib/server/registry/get-shelf-registry";
import { listVersionRows } from "@/lib/server/registry/list-version-rows";
import { MetricPicker, OnlinePicker } from "./shelf-client";
import { ONLINE_WINDOWS, parseShelfSearchParams, versionsTableLinks } from "./search-params";

export const metadata: Metadata = { title: "Shelf" };

// About the width of the charts in pixels: a chart never receives more points than it can draw.
const CHART_POINTS = 600;
const PAGE_SIZE = 25;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ShelfPage({ params, searchParams }: Props) {
  const ctx = await requireSessionCtx();
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const state = parseShelfSearchParams(raw);
  const registry = await orNotFound(getShelfRegistry({ ctx, input: { slug } }));
  const crumbs = [{ label: "Home", href: "/" }, { label: registry.shelf.title }];
  const header = (
    <PageHeader
      title={registry.shelf.title}
      description={registry.shelf.description}
      crumbs={crumbs}
      actions={<Link href={`/shelves/${slug}/validation`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Data validation</Link>}
    />
  );
  if (!registry.model) {
    return (
      <>
        {header}
        <EmptyState title="No model fills this shelf yet">A pipeline registers the shelf&apos;s model and its versions through the API; they appear here.</EmptyState>
      </>
    );
  }

  const model = registry.model.name;
  const chosenMetric = state.metric ?? registry.policy?.primaryMetric;
  const [table, series, online] = await Promise.all([
    listVersionRows({ ctx, input: { model, page: state.page, pageSize: PAGE_SIZE, sort: state.sort, dir: state.dir } }),
    getMetricSeries({ ctx, input: { model, ...(chosenMetric ? { metric: chosenMetric } : {}), maxPoints: CHART_POINTS } }),
    getOnlineSeries({ ctx, input: { model, ...(state.online ? { metric: state.online } : {}), days: state.days, maxPoints: CHART_POINTS } }),
  ]);
  const metricChoices = registry.metrics.some((m) => m.name === series.metric) || !series.metric ? registry.metrics : [...registry.metrics, { name: series.metric, direction: null, declared: false }];
  const links = versionsTableLinks(slug, state, table);

  return (
    <>
      {header}
      <div className="space-y-6">
        <ShelfSummary registry={registry} now={ctx.now} />
        <ShelfValidationSection ctx={ctx} slug={slug} model={model} />

        <Card>
          <CardHeader
            title={`${series.metric ?? "Score"} by version`}
            description={
              series.scored > series.points.length
                ? `${series.scored.toLocaleString("en-US")} versions, drawn as ${series.points.length} points (${series.changesKept ? "every production change kept" : "the production line simplified to its largest steps"}).`
                : "Each version's score; the green step is what production scored when that version was trained. Dots: versions that went to production."
            }
            actions={metricChoices.length > 0 && <MetricPicker metrics={metricChoices} value={series.metric ?? ""} primary={registry.policy?.primaryMetric ?? null} />}
          />
          <div className="p-4">
            {series.points.length === 0 ? (
              <EmptyState title="No scores yet">{`No version has a ${series.metric ?? "score"}${series.dataset ? ` on ${series.dataset}` : ""} yet: pipelines post them with the evaluations API.`}</EmptyState>
            ) : (
              <ChartLineMetric
                slug={slug}
                metric={series.metric ?? ""}
                series={packColumns(series.points, ["version", "value", "productionVersion", "production", "deployed"], { version: "steps", productionVersion: "steps", value: "sig6", production: "sig6", deployed: "flag" })}
                shown={series.points.length}
                threshold={series.threshold}
                direction={series.direction}
                productionVersion={series.productionVersion}
                candidateVersion={registry.candidate?.version ?? null}
              />
            )}
          </div>
        </Card>

        <Card>
          <CardHeader
            title="Online metrics"
            description={`Daily, ${online.from} to ${online.to}; markers at each move of production (red: rollback).`}
            actions={online.metrics.length > 0 && <OnlinePicker metrics={online.metrics} value={online.metric ?? ""} days={state.days} windows={ONLINE_WINDOWS} />}
          />
          <div className="p-4">
            {online.points.length === 0 ? (
              <EmptyState title="No online metrics in this window">Pipelines post daily values (impressions, stream rate, minutes played…) per version with the online metrics API.</EmptyState>
            ) : (
              <ChartLineOnline metric={online.metric ?? ""} series={packColumns(online.points, ["day", "version", "value"], { day: ["day", "steps"], version: "steps", value: "sig6" })} deployments={packColumns(online.deployments, ["at", "toVersion", "reason"], { at: "steps", toVersion: "steps", reason: "enum" })}
                window={{ from: online.from, to: online.to, deployments: online.deployments.length }}
              />
            )}
          </div>
        </Card>

        <ShelfDeploymentsSection ctx={ctx} model={model} />

        <Card>
          <CardHeader title="Versions" description="Newest first by default; sort by a column header. The primary metric is red where it misses the gate threshold." />
          <VersionsTable slug={slug} table={table} links={links} />
        </Card>
      </div>
    </>
  );
}
