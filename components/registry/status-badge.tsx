import type { VersionStatus } from "@/lib/registry/compare";
import { Badge } from "../ui/badge";

const TONE = { production: "ok", candidate: "info", earlier: "neutral" } as const;

/** A version's place on its shelf: production, candidate or earlier. */
export function StatusBadge({ status }: { status: VersionStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
