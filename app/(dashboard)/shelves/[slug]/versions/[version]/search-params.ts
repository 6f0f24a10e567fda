import { z } from "zod";

// The version page's state in the URL: the version to compare with (production when absent).

const schema = z.object({ compare: z.coerce.number().int().min(1).max(2_147_483_647).optional().catch(undefined) });

export type VersionSearchParams = z.output<typeof schema>;

/** Typed state from the page's search params (the first value of a repeated key). */
export function parseVersionSearchParams(raw: Record<string, string | string[] | undefined>): VersionSearchParams {
  const compare = Array.isArray(raw.compare) ? raw.compare[0] : raw.compare;
  return schema.parse({ compare: compare === "" ? undefined : compare });
}

/** A version number from the route segment, or null when it is not one. */
export function parseVersionSegment(segment: string): number | null {
  const parsed = z.coerce.number().int().min(1).max(2_147_483_647).safeParse(segment);
  return parsed.success && /^\d+$/.test(segment) ? parsed.data : null;
}
