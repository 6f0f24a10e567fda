import { z } from "zod";
import { HEATMAP_WINDOWS, reportKindSchema, type ReportKind } from "@/lib/schemas/validation";

// The validation view's filters live in the URL; an unknown value falls back to its default (people
// edit URLs and follow old links). `report` is the old form of a report link (alerts use it).
const schema = z.object({
  kind: reportKindSchema.catch("skew"),
  window: z.coerce
    .number()
    .refine((w) => (HEATMAP_WINDOWS as readonly number[]).includes(w))
    .catch(30),
  rows: z.enum(["top", "all"]).catch("top"),
  report: z.coerce.number().int().positive().optional().catch(undefined),
});

export type ValidationFilters = { kind: ReportKind; window: number; rows: "top" | "all"; report?: number };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Parses the page's search params (first value of repeated keys). */
export function parseValidationFilters(raw: Record<string, string | string[] | undefined>): ValidationFilters {
  return schema.parse({ kind: first(raw.kind), window: first(raw.window) ?? 30, rows: first(raw.rows), report: first(raw.report) });
}

/** The URL of the validation view with some filters changed. */
export function validationHref(slug: string, current: ValidationFilters, change: Partial<ValidationFilters>): string {
  const next = { ...current, ...change };
  const q = new URLSearchParams();
  if (next.kind !== "skew") q.set("kind", next.kind);
  if (next.window !== 30) q.set("window", String(next.window));
  if (next.rows !== "top") q.set("rows", next.rows);
  const s = q.toString();
  return `/shelves/${encodeURIComponent(slug)}/validation${s ? `?${s}` : ""}`;
}
