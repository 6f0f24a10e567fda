import type { SchemaAnomaly } from "@/lib/drift/compare";
import { share } from "./format";

function describe(a: SchemaAnomaly): { feature: string; text: string } {
  switch (a.kind) {
    case "missing_in_target":
      return { feature: a.feature, text: `missing from the target (a ${a.type} feature of the baseline)` };
    case "new_in_target":
      return { feature: a.feature, text: `new in the target (${a.type}), absent from the baseline` };
    case "type_changed":
      return { feature: a.feature, text: `changed type: ${a.baselineType} → ${a.targetType} (not compared)` };
    case "new_values":
      return { feature: a.feature, text: `new values: ${a.values.map((v) => `${v.value} (${share(v.share)})`).join(", ")}; ${share(a.share)} of the target's values` };
    case "missing_fraction_jump":
      return { feature: a.feature, text: `missing more often: ${share(a.baseline)} → ${share(a.target)} of examples` };
  }
}

/** A report's schema anomalies in words, feature first. */
export function SchemaAnomaliesList({ anomalies }: { anomalies: SchemaAnomaly[] }) {
  return (
    <ul className="divide-y divide-red-100" data-testid="schema-anomalies">
      {anomalies.map((a, i) => {
        const d = describe(a);
        return (
          <li key={`${a.kind}-${a.feature}-${i}`} className="flex flex-wrap gap-x-2 px-4 py-2 text-sm">
            <span className="font-mono font-semibold text-red-900">{d.feature}</span>
            <span className="text-red-900">{d.text}</span>
          </li>
        );
      })}
    </ul>
  );
}
