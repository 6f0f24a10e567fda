// Formatting shared by the validation pages and charts (server and client): distances, shares,
// severities, and the heat map's colour scale.
import type { MovedMost } from "@/lib/drift/compare";
import { COMPARATOR_LABELS, type ComparatorName } from "@/lib/schemas/validation";

/** A distance or threshold: three decimals, or scientific notation when smaller than that shows. */
export function distance(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(1);
  return value.toFixed(3);
}

/** A share as a percentage: "15.2%", "0.04%". */
export function share(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const pct = value * 100;
  if (pct === 0) return "0%";
  if (Math.abs(pct) < 0.1) return `${pct.toFixed(2)}%`;
  return `${pct.toFixed(1)}%`;
}

/** Distance over threshold: "6.3×". */
export function severity(value: number): string {
  if (value >= 1000) return "≥1000×";
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
}

export function comparatorLabel(c: ComparatorName | string): string {
  return COMPARATOR_LABELS[c as ComparatorName] ?? c;
}

/** A number of a numeric summary, short: "1,204", "3.61", "0.000214". */
export function stat(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toLocaleString("en-US", { maximumFractionDigits: 0 });
  if (abs >= 10 || abs === 0) return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
  if (abs >= 0.01) return value.toFixed(3);
  return value.toPrecision(3);
}

/** A bucket's range: "[240, 480]". */
export function range(low: number, high: number): string {
  return low === high ? stat(low) : `${stat(low)}–${stat(high)}`;
}

/** What moved most, in words: "car_display: 0% → 15.1%". */
export function movedMost(m: MovedMost | null): string {
  if (!m) return "—";
  const what = m.kind === "value" ? m.label : m.kind === "special" ? m.value : range(m.low, m.high);
  return `${what}: ${share(m.baselineShare)} → ${share(m.targetShare)}`;
}

type Rgb = [number, number, number];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;
const css = ([r, g, b]: Rgb) => `rgb(${r} ${g} ${b})`;
// Below the threshold the scale stays pale (green, then amber close to it); above, every cell is a
// clear red, darker the further above: a red cell always means an anomaly.
const CALM: Rgb = [236, 253, 245];
const NEAR: Rgb = [254, 240, 180];
const ABOVE: Rgb = [248, 113, 113];
const FAR: Rgb = [127, 29, 29];

/** The heat map colour of a distance / threshold (null: no report or no measurement). */
export function severityColor(s: number | null): string {
  if (s === null) return "rgb(241 245 249)";
  if (s <= 1) return css(mix(CALM, NEAR, Math.max(0, (s - 0.4) / 0.6)));
  return css(mix(ABOVE, FAR, Math.min(1, Math.log10(s))));
}

/** "Skew: serving day against training of the version in production", in a few words per kind. */
export const KIND_EXPLANATIONS = {
  skew: "each serving day against the training data of the version in production that day",
  drift: "each serving day against the serving day before it",
  training_drift: "each version's training data against the previous version's",
} as const;
