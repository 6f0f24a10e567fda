// The promotion gate as a pure function of a model's gate policy and the evidence gathered for one
// candidate version. The same verdict is shown to the lead, stored with the promotion request, and
// decides whether a pipeline may push without a human.

export type Direction = "higher_is_better" | "lower_is_better";

export interface GatePolicy {
  primaryMetric: string;
  direction: Direction;
  absoluteThreshold: number | null;
  maxRegression: number | null; // largest allowed regression against production, in the metric's units
  skewFreeDays: number | null; // no skew anomaly in the last N days
  minReviews: number;
  maxWorseShare: number | null; // largest share of "worse" verdicts, in [0, 1]
  approvalsRequired: number;
  forbidSelfApproval: boolean; // enforced when an approval is recorded, not by the checks here
}

export interface GateEvidence {
  candidate: { version: number; scores: Record<string, number> };
  production: { version: number; scores: Record<string, number> } | null;
  // daysChecked counts the days of the policy's window that have a skew report; null = no validation data.
  skew: { daysChecked: number; anomalousDays: { day: string; features: string[] }[] } | null;
  reviews: { total: number; better: number; same: number; worse: number } | null;
  now: Date;
}

export type CheckId = "primary_threshold" | "regression_vs_production" | "skew" | "reviews_count" | "worse_share";
export type Verdict = "pass" | "fail" | "no_data";

export interface GateCheck {
  id: CheckId;
  verdict: Verdict;
  observed: number | null;
  limit: number | null;
  sentence: string;
}

export interface GateResult {
  passed: boolean;
  checks: GateCheck[];
  autoPushAllowed: boolean;
}

// Scores are compared as stored; the tolerance only absorbs float error in a difference such as
// 0.412 − 0.402, which would otherwise exceed an allowed regression of 0.010 by 1e-17.
const EPSILON = 1e-9;

const num = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString("en-US") : x.toFixed(3));
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function score(scores: Record<string, number> | undefined, metric: string): number | null {
  const value = scores?.[metric];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function primaryThreshold(policy: GatePolicy, limit: number, value: number | null): GateCheck {
  const base = { id: "primary_threshold" as const, limit };
  const m = policy.primaryMetric;
  if (value === null) {
    const sentence = `The candidate has no ${m} score to compare with the threshold ${num(limit)}.`;
    return { ...base, verdict: "no_data", observed: null, sentence };
  }
  const higher = policy.direction === "higher_is_better";
  const ok = higher ? value >= limit : value <= limit;
  const side = value === limit ? "at" : value > limit ? "above" : "below";
  const need = ok ? "" : higher ? "; it must be at least that" : "; it must be at most that";
  const sentence = `${m} is ${num(value)}, ${side} the threshold ${num(limit)}${need}.`;
  return { ...base, verdict: ok ? "pass" : "fail", observed: value, sentence };
}

function regression(policy: GatePolicy, limit: number, value: number | null, evidence: GateEvidence): GateCheck {
  const base = { id: "regression_vs_production" as const, limit };
  const m = policy.primaryMetric;
  const production = evidence.production;
  // A first version has nothing to be compared with: that is missing evidence, and it blocks.
  if (production === null) {
    const sentence = `No version is in production, so ${m} cannot be compared with it.`;
    return { ...base, verdict: "no_data", observed: null, sentence };
  }
  const prod = score(production.scores, m);
  if (value === null || prod === null) {
    const missing = value === null ? "the candidate" : `production (v${production.version})`;
    return { ...base, verdict: "no_data", observed: null, sentence: `${m} cannot be compared with production: ${missing} has no score.` };
  }
  // observed is the regression: positive = worse than production, whichever way the metric points.
  const worseBy = policy.direction === "higher_is_better" ? prod - value : value - prod;
  const ok = worseBy <= limit + EPSILON * Math.max(1, Math.abs(prod), Math.abs(value));
  const head = `${m} is ${num(value)} against ${num(prod)} in production (v${production.version})`;
  const change =
    Math.abs(worseBy) < EPSILON ? "no change" : worseBy > 0 ? `a regression of ${num(worseBy)}` : `an improvement of ${num(-worseBy)}`;
  const verdictText = ok ? `within the allowed ${num(limit)}` : `more than the allowed ${num(limit)}`;
  return { ...base, verdict: ok ? "pass" : "fail", observed: worseBy, sentence: `${head}: ${change}, ${verdictText}.` };
}

/** The UTC calendar day `days − 1` days before `now`, as YYYY-MM-DD: the first day of a window of `days` days. */
function windowStart(now: Date, days: number): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  return start.toISOString().slice(0, 10);
}

function skewCheck(days: number, evidence: GateEvidence): GateCheck {
  const base = { id: "skew" as const, limit: 0 };
  const window = days === 1 ? "the last day" : `the last ${days} days`;
  const skew = evidence.skew;
  if (skew === null || skew.daysChecked <= 0) {
    return { ...base, verdict: "no_data", observed: null, sentence: `No skew report covers ${window}.` };
  }
  // Day strings are ISO dates, so they compare as text. A day after `now` still counts: it is open.
  const from = windowStart(evidence.now, days);
  const open = skew.anomalousDays.filter((d) => d.day >= from).sort((a, b) => a.day.localeCompare(b.day));
  if (open.length > 0) {
    const detail = open.map((d) => (d.features.length > 0 ? `${d.day} (${d.features.join(", ")})` : d.day)).join("; ");
    const sentence = `Skew ${open.length === 1 ? "anomaly" : "anomalies"} on ${plural(open.length, "day")} within ${window}: ${detail}.`;
    return { ...base, verdict: "fail", observed: open.length, sentence };
  }
  // Days without a report could hide the very skew this check exists to catch.
  if (skew.daysChecked < days) {
    const sentence = `Only ${skew.daysChecked} of ${window} have a skew report; none shows an anomaly.`;
    return { ...base, verdict: "no_data", observed: null, sentence };
  }
  const sentence = `No skew anomaly in ${window} (${plural(skew.daysChecked, "day")} checked).`;
  return { ...base, verdict: "pass", observed: 0, sentence };
}

function reviewsCount(min: number, evidence: GateEvidence): GateCheck {
  const base = { id: "reviews_count" as const, limit: min };
  const reviews = evidence.reviews;
  if (reviews === null) {
    return { ...base, verdict: "no_data", observed: null, sentence: `No reviews have been recorded; ${min} are required.` };
  }
  const ok = reviews.total >= min;
  const tail = ok ? `at least the ${min} required` : `fewer than the ${min} required`;
  const sentence = `${plural(reviews.total, "review")}, ${tail}.`;
  return { ...base, verdict: ok ? "pass" : "fail", observed: reviews.total, sentence };
}

function worseShare(limit: number, evidence: GateEvidence): GateCheck {
  const base = { id: "worse_share" as const, limit };
  const reviews = evidence.reviews;
  if (reviews === null || reviews.total <= 0) {
    const sentence = `No reviews yet, so the share of "worse" verdicts is unknown (limit ${pct(limit)}).`;
    return { ...base, verdict: "no_data", observed: null, sentence };
  }
  const share = reviews.worse / reviews.total;
  const ok = share <= limit + EPSILON;
  const tail = ok ? `within the limit ${pct(limit)}` : `above the limit ${pct(limit)}`;
  const sentence = `${reviews.worse} of ${plural(reviews.total, "review")} (${pct(share)}) say worse, ${tail}.`;
  return { ...base, verdict: ok ? "pass" : "fail", observed: share, sentence };
}

// A rule the policy disables (null, or zero days or reviews) is left out of the checks. A check
// without data never passes and blocks the gate, and so does a policy that enables no rule at all:
// a model that nobody and no rule has looked at must not be pushed.
/** Runs every rule the policy enables, in a fixed order, and returns the verdict with one sentence per check. */
export function evaluateGate(policy: GatePolicy, evidence: GateEvidence): GateResult {
  const value = score(evidence.candidate.scores, policy.primaryMetric);
  const checks: GateCheck[] = [];
  if (policy.absoluteThreshold !== null) checks.push(primaryThreshold(policy, policy.absoluteThreshold, value));
  if (policy.maxRegression !== null) checks.push(regression(policy, policy.maxRegression, value, evidence));
  if (policy.skewFreeDays !== null && policy.skewFreeDays >= 1) checks.push(skewCheck(Math.floor(policy.skewFreeDays), evidence));
  if (policy.minReviews > 0) checks.push(reviewsCount(policy.minReviews, evidence));
  if (policy.maxWorseShare !== null) checks.push(worseShare(policy.maxWorseShare, evidence));
  const passed = checks.length > 0 && checks.every((c) => c.verdict === "pass");
  return { passed, checks, autoPushAllowed: passed && policy.approvalsRequired === 0 };
}
