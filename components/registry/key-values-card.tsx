import type { JsonValue } from "@/lib/server/registry/version-dto";
import { Card, CardHeader } from "../ui/card";

function text(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Hyperparameters or tags as a name → value list (nested values shown as JSON text). */
export function KeyValuesCard({ title, values, empty, testId }: { title: string; values: Record<string, JsonValue>; empty: string; testId?: string }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card>
      <CardHeader title={title} />
      {entries.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{empty}</p>
      ) : (
        <dl className="divide-y divide-slate-100 px-4 py-1" data-testid={testId}>
          {entries.map(([k, v]) => (
            <div key={k} className="grid grid-cols-2 gap-3 py-1.5">
              <dt className="truncate font-mono text-xs text-slate-600" title={k}>{k}</dt>
              <dd className="break-all font-mono text-xs text-slate-900">{text(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
