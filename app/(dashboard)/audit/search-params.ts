import { z } from "zod";

// The audit page's filters live in the URL; a malformed value is dropped rather than failing the page.

const text = z.string().trim().min(1).max(200).optional().catch(undefined);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

const schema = z.object({
  actor: text,
  action: text,
  subject: text,
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type AuditSearchParams = z.output<typeof schema>;
const KEYS = ["actor", "action", "subject", "from", "to", "before"] as const;

/** Typed filters from the page's search params (the first value of a repeated key). */
export function parseAuditSearchParams(raw: Record<string, string | string[] | undefined>): AuditSearchParams {
  return schema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}

/** The audit page's URL with `patch` applied (undefined removes a filter). */
export function auditHref(state: AuditSearchParams, patch: Partial<AuditSearchParams>): string {
  const next = { ...state, ...patch };
  const query = new URLSearchParams();
  for (const key of KEYS) if (next[key] !== undefined) query.set(key, String(next[key]));
  const s = query.toString();
  return `/audit${s ? `?${s}` : ""}`;
}
