// "What moved most" between a baseline and a target feature: the label (categorical) or the
// aligned bucket (numeric) whose share of the mass changed most. This is what a skew report
// shows next to a red distance, so an engineer sees the value that broke.

import { lInfinityIndex, type AlignedCounts } from "./categorical";
import type { Histogram } from "./distance";
import { alignFinite } from "./rebucket";

export type MovedMost =
  | { kind: "value"; label: string; baselineShare: number; targetShare: number }
  | { kind: "range"; low: number; high: number; baselineShare: number; targetShare: number }
  | { kind: "special"; value: "NaN" | "-Infinity" | "Infinity"; baselineShare: number; targetShare: number };

/** The label of largest L-infinity difference (TFDV's tie-break), with both shares. */
export function categoricalMovedMost(al: AlignedCounts, at = lInfinityIndex(al)): MovedMost | null {
  if (at < 0) return null;
  return {
    kind: "value",
    label: al.labels[at],
    baselineShare: al.sumA === 0 ? 0 : al.a[at] / al.sumA,
    targetShare: al.sumB === 0 ? 0 : al.b[at] / al.sumB,
  };
}

/**
 * The bucket, on the union of both histograms' boundaries, whose probability mass changed
 * most; NaN and each infinity count as their own bucket here (unlike in TFDV's JSD, where
 * they deliberately never match), since the question is where mass went.
 */
export function numericMovedMost(baseline: Histogram, target: Histogram): MovedMost | null {
  const al = alignFinite(baseline, target);
  const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  const totalA = sum(al.a) + al.first.infMass + al.first.numNan;
  const totalB = sum(al.b) + al.second.infMass + al.second.numNan;
  if (!(totalA > 0) || !(totalB > 0)) return null;
  let best: MovedMost | null = null;
  let bestDiff = -1;
  const consider = (candidate: MovedMost): void => {
    const diff = Math.abs(candidate.baselineShare - candidate.targetShare);
    if (diff > bestDiff) {
      bestDiff = diff;
      best = candidate;
    }
  };
  al.bins.forEach(({ low, high }, i) =>
    consider({ kind: "range", low, high, baselineShare: al.a[i] / totalA, targetShare: al.b[i] / totalB }),
  );
  const specials: ["NaN" | "-Infinity" | "Infinity", number, number][] = [
    ["-Infinity", al.first.negInfMass, al.second.negInfMass],
    ["Infinity", al.first.infMass - al.first.negInfMass, al.second.infMass - al.second.negInfMass],
    ["NaN", al.first.numNan, al.second.numNan],
  ];
  for (const [value, a, b] of specials) {
    if (a !== 0 || b !== 0) consider({ kind: "special", value, baselineShare: a / totalA, targetShare: b / totalB });
  }
  return best;
}

/** A short text for a MovedMost: the label, "[low, high]", a point value, or NaN/±Infinity. */
export function describeMovedMost(moved: MovedMost): string {
  switch (moved.kind) {
    case "value":
      return moved.label;
    case "special":
      return moved.value;
    case "range":
      return moved.low === moved.high ? String(moved.low) : `[${moved.low}, ${moved.high}]`;
  }
}
