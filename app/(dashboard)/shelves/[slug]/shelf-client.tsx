"use client";

import { ParamSelect } from "@/components/registry/param-select";
import type { MetricChoiceDto } from "@/lib/server/registry/get-shelf-registry";

const arrow = (d: MetricChoiceDto["direction"]) => (d === "higher_is_better" ? " ↑" : d === "lower_is_better" ? " ↓" : "");

/** Which offline metric the "by version" chart shows (the gate's primary metric by default). */
export function MetricPicker({ metrics, value, primary }: { metrics: MetricChoiceDto[]; value: string; primary: string | null }) {
  const options = metrics.map((m) => ({
    // The primary metric is the default: it is left out of the URL.
    value: m.name === primary ? "" : m.name,
    label: `${m.name}${arrow(m.direction)}${m.name === primary ? " (gate)" : m.declared ? "" : " (not declared)"}`,
  }));
  return <ParamSelect name="metric" label="Metric" value={value === primary ? "" : value} options={options} testId="metric-picker" />;
}

/** Which online metric, and over how many days, the "online" chart shows. */
export function OnlinePicker({ metrics, value, days, windows }: { metrics: string[]; value: string; days: number; windows: readonly number[] }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ParamSelect name="online" label="Metric" value={value} options={metrics.map((m) => ({ value: m, label: m }))} testId="online-picker" />
      <ParamSelect
        name="days"
        label="Window"
        value={days === 365 ? "" : String(days)}
        options={windows.map((d) => ({ value: d === 365 ? "" : String(d), label: `last ${d} days` }))}
        testId="window-picker"
      />
    </div>
  );
}
