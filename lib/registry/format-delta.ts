import { metric } from "../format";

/** A signed change with enough digits that a small change never reads as zero: "+0.0035", "−0.012". */
export function formatDelta(delta: number): string {
  const abs = Math.abs(delta);
  const text = abs !== 0 && abs < 0.01 ? String(Number(abs.toPrecision(2))) : metric(abs);
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : `±${text}`;
}
