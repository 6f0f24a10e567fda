/** Formatting shared by pages and charts. Date maths takes an explicit `now`. */

const DAY = 86_400_000;

/** "3 days", "5 hours", "just now": the age of a moment relative to now. */
export function age(from: Date | string, now: Date): string {
  const ms = now.getTime() - new Date(from).getTime();
  if (ms < 60_000) return "just now";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(ms / DAY);
  if (days < 60) return `${days} days`;
  return `${Math.floor(days / 30)} months`;
}

export function daysBetween(from: Date | string, to: Date): number {
  return Math.floor((to.getTime() - new Date(from).getTime()) / DAY);
}

/** A UTC calendar date, "2026-11-29". */
export function isoDay(d: Date | string): string {
  return new Date(d).toISOString().slice(0, 10);
}

// Formatters are built once: toLocale*String with options builds a new one on every call, which costs
// tens of milliseconds on a page with a table of dates.
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const WHOLE_NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "29 Nov 2026". */
export function shortDate(d: Date | string): string {
  return SHORT_DATE.format(new Date(d));
}

/** A metric value with a precision that suits its size. */
export function metric(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 1000) return WHOLE_NUMBER.format(value);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

/** A signed difference, "+0.012" / "−0.004". */
export function signed(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const text = metric(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : `±${text}`;
}
