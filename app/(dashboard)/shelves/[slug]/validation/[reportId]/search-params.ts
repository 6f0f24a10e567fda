import { z } from "zod";

// The report page's state in the URL: the feature drawn below the table, the history's window, and
// whether the table lists every feature or only the most severe.
const schema = z.object({
  feature: z.string().min(1).max(500).optional().catch(undefined),
  all: z.enum(["1"]).optional().catch(undefined),
  days: z.coerce
    .number()
    .refine((d) => [30, 90, 365].includes(d))
    .catch(90),
});

export type ReportFilters = z.output<typeof schema>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Parses the report page's search params. */
export function parseReportFilters(raw: Record<string, string | string[] | undefined>): ReportFilters {
  return schema.parse({ feature: first(raw.feature) || undefined, all: first(raw.all), days: first(raw.days) ?? 90 });
}

/** The report page's query parameters for a state (defaults left out). */
export function reportQuery(state: ReportFilters, change: Partial<ReportFilters> = {}): Record<string, string> {
  const next = { ...state, ...change };
  const q: Record<string, string> = {};
  if (next.feature) q.feature = next.feature;
  if (next.all) q.all = next.all;
  if (next.days !== 90) q.days = String(next.days);
  return q;
}

/** The path of a report page (no query). */
export function reportPath(slug: string, reportId: number): string {
  return `/shelves/${encodeURIComponent(slug)}/validation/${reportId}`;
}

/** The URL of a report page with a feature selected. */
export function reportHref(slug: string, reportId: number, state: ReportFilters, change: Partial<ReportFilters> = {}): string {
  const s = new URLSearchParams(reportQuery(state, change)).toString();
  return `${reportPath(slug, reportId)}${s ? `?${s}` : ""}`;
}
