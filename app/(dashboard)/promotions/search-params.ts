import { z } from "zod";

// The promotions page keeps its state in the URL: the history page and the "production on" day.
// Anything malformed falls back to its default instead of failing the page.

const schema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => !Number.isNaN(Date.parse(s)))
    .optional()
    .catch(undefined),
});

export type PromotionsSearchParams = z.output<typeof schema>;

/** Typed, defaulted state from the page's search params (the first value of a repeated key). */
export function parsePromotionsSearchParams(raw: Record<string, string | string[] | undefined>): PromotionsSearchParams {
  return schema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}

/** The page's URL with `patch` applied; defaults are left out. */
export function promotionsHref(state: PromotionsSearchParams, patch: Partial<PromotionsSearchParams>): string {
  const next = { ...state, ...patch };
  const query = new URLSearchParams();
  if (next.page > 1) query.set("page", String(next.page));
  if (next.at) query.set("at", next.at);
  const text = query.toString();
  return `/promotions${text ? `?${text}` : ""}`;
}
