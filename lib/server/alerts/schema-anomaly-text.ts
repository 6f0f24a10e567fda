import "server-only";

const pct = (share: unknown) => (typeof share === "number" ? `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%` : "");

/** One schema anomaly (as stored in a validation report) in a few words for people. */
export function describeSchemaAnomaly(a: Record<string, unknown>): string {
  const feature = typeof a.feature === "string" ? a.feature : "a feature";
  switch (a.kind) {
    case "missing_in_target":
      return `${feature} is missing from serving`;
    case "new_in_target":
      return `${feature} is new in serving`;
    case "type_changed":
      return `${feature} changed type (${String(a.baselineType)} → ${String(a.targetType)})`;
    case "new_values": {
      const values = Array.isArray(a.values) ? (a.values as { value?: unknown; share?: unknown }[]) : [];
      const listed = values.slice(0, 3).map((v) => `${String(v.value)} ${pct(v.share)}`.trim()).join(", ");
      return `${feature} has new values${listed ? ` (${listed}${values.length > 3 ? ", …" : ""})` : ""}`;
    }
    case "missing_fraction_jump":
      return `${feature} is missing more often (${pct(a.baseline)} → ${pct(a.target)})`;
    default:
      return `${feature}: ${String(a.kind ?? "schema change")}`;
  }
}
