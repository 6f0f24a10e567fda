import { z } from "zod";
import { VERSION_SORTS, type VersionSort } from "@/lib/schemas/registry";

// The shelf page's state lives in the URL: table page and sort, the charted metric, the online metric
// and its window. Anything malformed falls back to its default instead of failing the page.

export const ONLINE_WINDOWS = [30, 90, 365] as const;

const schema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  sort: z.enum(VERSION_SORTS).catch("version"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  metric: z.string().trim().min(1).max(100).optional().catch(undefined),
  online: z.string().trim().min(1).max(100).optional().catch(undefined),
  days: z.coerce.number().pipe(z.union(ONLINE_WINDOWS.map((d) => z.literal(d)))).catch(365),
});

export type ShelfSearchParams = z.output<typeof schema>;
type Raw = Record<string, string | string[] | undefined>;

const DEFAULTS: ShelfSearchParams = schema.parse({});
const KEYS = ["page", "sort", "dir", "metric", "online", "days"] as const satisfies readonly (keyof ShelfSearchParams)[];

/** Typed, defaulted state from the page's search params (the first value of a repeated key). */
export function parseShelfSearchParams(raw: Raw): ShelfSearchParams {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return schema.parse(first);
}

/** The shelf page's URL with `patch` applied; defaults are left out so URLs stay short. */
export function shelfHref(slug: string, state: ShelfSearchParams, patch: Partial<ShelfSearchParams> = {}): string {
  const next = { ...state, ...patch };
  const query = new URLSearchParams();
  for (const key of KEYS) {
    const value = next[key];
    if (value !== undefined && value !== DEFAULTS[key]) query.set(key, String(value));
  }
  const text = query.toString();
  return `/shelves/${encodeURIComponent(slug)}${text ? `?${text}` : ""}`;
}

/**
 * The versions table's links: each column header (a first click sorts the way people read it, newest
 * and best first; a second reverses) and the pager.
 */
export function versionsTableLinks(
  slug: string,
  state: ShelfSearchParams,
  table: { page: number; pageCount: number; sort: VersionSort; dir: "asc" | "desc"; direction: "higher_is_better" | "lower_is_better" | null },
) {
  const sortHref = (sort: VersionSort) => {
    const first = sort === "metric" && table.direction === "lower_is_better" ? "asc" : "desc";
    const dir = table.sort === sort ? (table.dir === "desc" ? "asc" : "desc") : first;
    return shelfHref(slug, state, { sort, dir, page: 1 });
  };
  const page = (n: number) => shelfHref(slug, state, { page: Math.min(Math.max(1, n), table.pageCount) });
  return {
    sort: { version: sortHref("version"), trained: sortHref("trained"), metric: sortHref("metric") },
    first: page(1),
    previous: page(table.page - 1),
    next: page(table.page + 1),
    last: page(table.pageCount),
  };
}
