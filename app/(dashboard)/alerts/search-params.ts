import { z } from "zod";
import { ALERT_STATUS_FILTERS, alertKindSchema } from "@/lib/schemas/alerts";

// The inbox's filters live in the URL; a value the page does not know falls back to its default
// instead of an error page (people edit URLs and follow old links).
const schema = z.object({
  status: z.enum(ALERT_STATUS_FILTERS).catch("active"),
  kind: alertKindSchema.optional().catch(undefined),
  shelf: z.string().trim().min(1).max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type AlertFilters = z.output<typeof schema>;

/** Parses the page's search params (first value of repeated keys). */
export function parseAlertFilters(raw: Record<string, string | string[] | undefined>): AlertFilters {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return schema.parse({ status: first.status, kind: first.kind, shelf: first.shelf || undefined, page: first.page ?? 1 });
}

/** The URL of the inbox with some filters changed (page resets unless given). */
export function alertsHref(current: AlertFilters, change: Partial<AlertFilters>): string {
  const next = { ...current, page: 1, ...change };
  const q = new URLSearchParams();
  if (next.status !== "active") q.set("status", next.status);
  if (next.kind) q.set("kind", next.kind);
  if (next.shelf) q.set("shelf", next.shelf);
  if (next.page > 1) q.set("page", String(next.page));
  const s = q.toString();
  return s ? `/alerts?${s}` : "/alerts";
}
