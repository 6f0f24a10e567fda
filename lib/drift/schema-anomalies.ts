// Schema anomalies between a baseline and a target profile: the changes a distance cannot
// show. They mirror TFDV's schema checks (anomalies.proto: SCHEMA_MISSING_COLUMN,
// SCHEMA_NEW_COLUMN, UNEXPECTED_DATA_TYPE, ENUM_TYPE_UNEXPECTED_STRING_VALUES, and the
// presence constraints behind FEATURE_TYPE_LOW_FRACTION_PRESENT), computed from profiles
// instead of a schema.

import type { DatasetProfile, FeatureProfile, FeatureType } from "./profile";

/** A value absent from the baseline is reported once it makes up at least 1 % of target values. */
export const DEFAULT_NEW_VALUE_SHARE = 0.01;
/** A missing fraction rising by more than 5 points (absolute) is reported. */
export const DEFAULT_MISSING_FRACTION_JUMP = 0.05;
const MAX_LISTED_VALUES = 20;

export type SchemaAnomaly =
  | { kind: "missing_in_target"; feature: string; type: FeatureType }
  | { kind: "new_in_target"; feature: string; type: FeatureType }
  | { kind: "type_changed"; feature: string; baselineType: FeatureType; targetType: FeatureType }
  | {
      kind: "new_values";
      feature: string;
      /** The largest new values (at most 20) with their share of target values. */
      values: { value: string; share: number }[];
      /** Share of target values taken by all new values above the share limit. */
      share: number;
    }
  | { kind: "missing_fraction_jump"; feature: string; baseline: number; target: number };

type Limits = { newValueShare?: number; missingFractionJump?: number };

function newValues(a: FeatureProfile, b: FeatureProfile, minShare: number): SchemaAnomaly | null {
  if (a.type !== "categorical" || b.type !== "categorical" || b.numValues <= 0) return null;
  // At most 1/minShare target values qualify: collect those, then strike the ones the
  // baseline knows. Only the baseline's top-K is known, so a value of its tail counts as
  // new (as in TFDV, whose string domain comes from the same top-K).
  const candidates = new Map<string, number>();
  for (const { value, count } of b.topValues) {
    const share = count / b.numValues;
    if (share >= minShare && !candidates.has(value)) candidates.set(value, share);
  }
  if (candidates.size === 0) return null;
  for (const { value } of a.topValues) candidates.delete(value);
  const found = [...candidates].map(([value, share]) => ({ value, share }));
  if (found.length === 0) return null;
  found.sort((x, y) => y.share - x.share);
  const share = found.reduce((s, v) => s + v.share, 0);
  return { kind: "new_values", feature: b.name, values: found.slice(0, MAX_LISTED_VALUES), share };
}

function missingJump(
  a: FeatureProfile,
  b: FeatureProfile,
  base: DatasetProfile,
  target: DatasetProfile,
  jump: number,
): SchemaAnomaly | null {
  if (base.numExamples <= 0 || target.numExamples <= 0) return null;
  const before = a.missing / base.numExamples;
  const after = b.missing / target.numExamples;
  return after - before > jump ? { kind: "missing_fraction_jump", feature: b.name, baseline: before, target: after } : null;
}

/** The schema anomalies of target against baseline, in baseline feature order then new features. */
export function schemaAnomalies(baseline: DatasetProfile, target: DatasetProfile, limits: Limits = {}): SchemaAnomaly[] {
  const minShare = limits.newValueShare ?? DEFAULT_NEW_VALUE_SHARE;
  const jump = limits.missingFractionJump ?? DEFAULT_MISSING_FRACTION_JUMP;
  const targetByName = new Map(target.features.map((f) => [f.name, f]));
  const baselineNames = new Set(baseline.features.map((f) => f.name));
  const out: SchemaAnomaly[] = [];
  for (const a of baseline.features) {
    const b = targetByName.get(a.name);
    if (!b) {
      out.push({ kind: "missing_in_target", feature: a.name, type: a.type });
      continue;
    }
    if (a.type !== b.type) out.push({ kind: "type_changed", feature: a.name, baselineType: a.type, targetType: b.type });
    const fresh = newValues(a, b, minShare);
    if (fresh) out.push(fresh);
    const missing = missingJump(a, b, baseline, target, jump);
    if (missing) out.push(missing);
  }
  for (const b of target.features) {
    if (!baselineNames.has(b.name)) out.push({ kind: "new_in_target", feature: b.name, type: b.type });
  }
  return out;
}
