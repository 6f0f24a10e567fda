/** Prometheus text exposition (version 0.0.4): the few pieces the /metrics endpoint needs. */

export type Sample = { labels?: Record<string, string>; value: number; suffix?: string };
export type Family = { name: string; help: string; type: "counter" | "gauge" | "histogram"; samples: Sample[] };

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
}

/** Renders metric families as Prometheus text. */
export function renderPrometheus(families: Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${f.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`);
    lines.push(`# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) lines.push(`${f.name}${s.suffix ?? ""}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The samples of one histogram: cumulative buckets, +Inf, sum and count. */
export function histogramSamples(labels: Record<string, string>, bounds: readonly number[], cumulative: number[], sum: number, count: number): Sample[] {
  return [
    ...bounds.map((le, i) => ({ suffix: "_bucket", labels: { ...labels, le: String(le) }, value: cumulative[i] })),
    { suffix: "_bucket", labels: { ...labels, le: "+Inf" }, value: count },
    { suffix: "_sum", labels, value: sum },
    { suffix: "_count", labels, value: count },
  ];
}
