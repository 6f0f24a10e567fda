import { z } from "zod";
import { queueFiltersSchema, type QueueFiltersValue } from "@/lib/schemas/review";

// The review queue's URL: which candidate (model + version), which listener, and the queue filters
// (baseline, new, country, sort, unreviewed) parsed by the same schema as the route handler's query.
const targetSchema = z.object({
  model: z.string().trim().min(1).max(200).optional().catch(undefined),
  candidate: z.coerce.number().int().min(1).optional().catch(undefined),
  listener: z.string().trim().min(1).max(200).optional().catch(undefined),
});

export type ReviewSearchParams = { model?: string; candidate?: number; listener?: string; filters: QueueFiltersValue };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Typed search params with defaults; anything malformed falls back to its default instead of failing. */
export function parseReviewSearchParams(raw: Record<string, string | string[] | undefined>): ReviewSearchParams {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)]));
  const target = targetSchema.parse(flat);
  return { ...target, filters: queueFiltersSchema.parse(flat) };
}
