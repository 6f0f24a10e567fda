import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KeyValuesCard } from "@/components/registry/key-values-card";
import { LineageCard } from "@/components/registry/lineage-card";
import { ScoreTable } from "@/components/registry/score-table";
import { packColumns } from "@/lib/registry/columns";
import { StatusBadge } from "@/components/registry/status-badge";
import { VersionPromotionSection } from "@/components/promotions/version-promotion-section";
import { VersionReviewSection } from "@/components/review/version-review-section";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { shortDate } from "@/lib/format";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page-data";
import { compareScores, type ScoreComparisonDto } from "@/lib/server/registry/compare-scores";
import { getVersion } from "@/lib/server/registry/get-version";
import { listVersions } from "@/lib/server/registry/list-versions";
import { getShelf } from "@/lib/server/shelves/get-shelf";
import { parseVersionSearchParams, parseVersionSegment } from "./search-params";
import { ComparePicker, type CompareChoice } from "./version-client";

export const metadata: Metadata = { title: "Version" };

const RECENT_CHOICES = 15;

type Props = { params: Promise<{ slug: string; version: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VersionPage({ params, searchParams }: Props) {
  const ctx = await requireSessionCtx();
  const [{ slug, version: segment }, raw] = await Promise.all([params, searchParams]);
  const number = parseVersionSegment(segment);
  if (number === null) notFound();
  const { compare } = parseVersionSearchParams(raw);
  const shelf = await orNotFound(getShelf({ ctx, input: { slug } }));
  if (!shelf.modelName) notFound();
  const model = shelf.modelName;
  const [version, comparison, recent] = await Promise.all([
    orNotFound(getVersion({ ctx, input: { model, version: number } })),
    orNotFound(compareScores({ ctx, input: { model, version: number, ...(compare !== undefined ? { compare } : {}) } })),
    listVersions({ ctx, input: { model, limit: RECENT_CHOICES } }),
  ]);

  const choices = compareChoices(version.version, version.productionVersion, version.parentVersion, recent.versions.map((v) => v.version));
  const defaultLabel =
    version.status === "production" ? "the version it replaced" : version.productionVersion !== null ? `production (v${version.productionVersion})` : "its parent";
  const b = comparison.baseline;

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {model} v{version.version}
            <StatusBadge status={version.status} />
          </span>
        }
        description={`Trained ${shortDate(version.trainedAt)} for the ${shelf.title} shelf.`}
        crumbs={[{ label: "Home", href: "/" }, { label: shelf.title, href: `/shelves/${slug}` }, { label: `v${version.version}` }]}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Scores"
            description={
              b
                ? `Every score of v${version.version} beside v${b.version}'s. Green is better and red worse for that metric's direction; a metric the model does not declare is not coloured.`
                : `Every score of v${version.version}; there is nothing to compare with yet.`
            }
            actions={<ComparePicker choices={choices} value={compare ?? null} defaultLabel={defaultLabel} />}
          />
          {comparison.missing !== null && (
            <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
              {model} has no version {comparison.missing}: its scores are shown alone.
            </p>
          )}
          <ScoreTable comparison={{ ...comparison, rows: packScoreRows(comparison.rows) }} />
        </Card>

        <div className="grid gap-6 lg:grid-cols-5">
          <div className="lg:col-span-3">
            <LineageCard version={version} slug={slug} />
          </div>
          <div className="space-y-6 lg:col-span-2">
            <KeyValuesCard title="Hyperparameters" values={version.hyperparameters} empty="None recorded." testId="hyperparameters" />
            <KeyValuesCard title="Tags" values={version.tags} empty="No tags." testId="tags" />
          </div>
        </div>
        <VersionPromotionSection ctx={ctx} slug={slug} version={version.version} />
        <VersionReviewSection ctx={ctx} slug={slug} version={version.version} />
      </div>
    </>
  );
}

/** A comparison's rows as packed columns: names, directions and verdicts written once each. */
function packScoreRows(rows: ScoreComparisonDto["rows"]) {
  return packColumns(rows, ["metric", "dataset", "direction", "primary", "value", "baseline", "delta", "verdict", "threshold", "meetsThreshold"], {
    metric: "enum",
    dataset: "enum",
    direction: "enum",
    primary: "flag",
    value: "sig6",
    baseline: "sig6",
    delta: "sig6",
    verdict: "enum",
    threshold: "sig6",
    meetsThreshold: "enum",
  });
}

/** Production, the parent and the newest versions (never the version itself), each once. */
function compareChoices(self: number, production: number | null, parent: number | null, recent: number[]): CompareChoice[] {
  const out: CompareChoice[] = [];
  const add = (version: number | null, label: string) => {
    if (version === null || version === self || out.some((c) => c.version === version)) return;
    out.push({ version, label });
  };
  add(production, `v${production} (production)`);
  add(parent, `v${parent} (parent)`);
  for (const v of recent) add(v, `v${v}`);
  return out;
}
