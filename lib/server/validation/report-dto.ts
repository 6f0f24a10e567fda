import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { ReportKind } from "../../schemas/validation";

// The summary of a report as every read returns it (lists, ingestion answers, the heat map's columns).

const DATASET_SELECT = { id: true, kind: true, datasetKey: true, day: true, numExamples: true, version: { select: { version: true } } } as const;

export const REPORT_SUMMARY_SELECT = {
  id: true,
  kind: true,
  day: true,
  version: { select: { version: true } },
  featureCount: true,
  anomalyCount: true,
  schemaAnomalies: true,
  notComparable: true,
  maxSeverity: true,
  topFeature: true,
  computedAt: true,
  baseline: { select: DATASET_SELECT },
  target: { select: DATASET_SELECT },
  model: { select: { name: true, shelf: { select: { slug: true } } } },
} satisfies Prisma.ValidationReportSelect;

type Row = Prisma.ValidationReportGetPayload<{ select: typeof REPORT_SUMMARY_SELECT }>;
type DatasetRow = Row["baseline"];

export type DatasetRefDto = { id: number; kind: "training" | "serving" | "evaluation"; datasetKey: string; day: string | null; version: number | null; numExamples: number };

export type ReportSummaryDto = {
  id: number;
  model: string;
  kind: ReportKind;
  /** The serving day compared (skew, drift); null for training drift. */
  day: string | null;
  /** Skew: the version in production that day; training drift: version N. */
  version: number | null;
  baseline: DatasetRefDto;
  target: DatasetRefDto;
  featureCount: number;
  /** Features whose distance is above their threshold. */
  anomalyCount: number;
  schemaAnomalyCount: number;
  notComparableCount: number;
  /** Largest distance / threshold: above 1 is an anomaly. */
  maxSeverity: number;
  topFeature: string | null;
  /** Any feature above threshold or any schema anomaly. */
  anomalous: boolean;
  computedAt: string;
  /** The dashboard's page of the report (relative). */
  url: string;
};

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const count = (json: unknown) => (Array.isArray(json) ? json.length : 0);

function dataset(d: DatasetRow): DatasetRefDto {
  return { id: d.id, kind: d.kind, datasetKey: d.datasetKey, day: isoDay(d.day), version: d.version?.version ?? null, numExamples: d.numExamples };
}

/** The dashboard path of a report. */
export function reportPath(slug: string, id: number, feature?: string | null): string {
  return `/shelves/${encodeURIComponent(slug)}/validation/${id}${feature ? `?feature=${encodeURIComponent(feature)}` : ""}`;
}

/** A report row as its summary DTO. */
export function toReportSummary(r: Row): ReportSummaryDto {
  const schemaAnomalyCount = count(r.schemaAnomalies);
  return {
    id: r.id,
    model: r.model.name,
    kind: r.kind,
    day: isoDay(r.day),
    version: r.version?.version ?? null,
    baseline: dataset(r.baseline),
    target: dataset(r.target),
    featureCount: r.featureCount,
    anomalyCount: r.anomalyCount,
    schemaAnomalyCount,
    notComparableCount: count(r.notComparable),
    maxSeverity: r.maxSeverity,
    topFeature: r.topFeature,
    anomalous: r.anomalyCount > 0 || schemaAnomalyCount > 0,
    computedAt: r.computedAt.toISOString(),
    url: reportPath(r.model.shelf.slug, r.id),
  };
}
