import { describe, expect, it } from "vitest";
import { evaluateGate, type CheckId, type GateEvidence, type GatePolicy } from "../../../lib/gate/evaluate";

const NOW = new Date("2025-03-10T09:30:00Z");

const policy = (overrides: Partial<GatePolicy> = {}): GatePolicy => ({
  primaryMetric: "ndcg@10",
  direction: "higher_is_better",
  absoluteThreshold: 0.4,
  maxRegression: 0.01,
  skewFreeDays: 7,
  minReviews: 20,
  maxWorseShare: 0.1,
  approvalsRequired: 1,
  forbidSelfApproval: true,
  ...overrides,
});

const evidence = (overrides: Partial<GateEvidence> = {}): GateEvidence => ({
  candidate: { version: 13, scores: { "ndcg@10": 0.412 } },
  production: { version: 12, scores: { "ndcg@10": 0.405 } },
  skew: { daysChecked: 7, anomalousDays: [] },
  reviews: { total: 40, better: 20, same: 17, worse: 3 },
  now: NOW,
  ...overrides,
});

const check = (p: GatePolicy, e: GateEvidence, id: CheckId) => {
  const found = evaluateGate(p, e).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
};

describe("evaluateGate: the whole verdict", () => {
  it("passes when every enabled check passes, in a fixed order", () => {
    const result = evaluateGate(policy(), evidence());
    expect(result.checks.map((c) => [c.id, c.verdict])).toEqual([
      ["primary_threshold", "pass"],
      ["regression_vs_production", "pass"],
      ["skew", "pass"],
      ["reviews_count", "pass"],
      ["worse_share", "pass"],
    ]);
    expect(result.passed).toBe(true);
    expect(result.autoPushAllowed).toBe(false); // one approval is required
  });

  it("allows an automatic push only with no approvals required and every check passing", () => {
    expect(evaluateGate(policy({ approvalsRequired: 0 }), evidence()).autoPushAllowed).toBe(true);
    const failing = evidence({ candidate: { version: 13, scores: { "ndcg@10": 0.3 } } });
    expect(evaluateGate(policy({ approvalsRequired: 0 }), failing)).toMatchObject({ passed: false, autoPushAllowed: false });
  });

  it("blocks on a check without data: nobody and no rule has looked", () => {
    const result = evaluateGate(policy({ approvalsRequired: 0 }), evidence({ reviews: null }));
    expect(result.checks.filter((c) => c.verdict === "no_data").map((c) => c.id)).toEqual(["reviews_count", "worse_share"]);
    expect(result).toMatchObject({ passed: false, autoPushAllowed: false });
  });

  it("leaves disabled rules out, and does not pass a policy with no rule at all", () => {
    const none = policy({ absoluteThreshold: null, maxRegression: null, skewFreeDays: null, minReviews: 0, maxWorseShare: null, approvalsRequired: 0 });
    expect(evaluateGate(none, evidence())).toEqual({ passed: false, checks: [], autoPushAllowed: false });
    const onlyThreshold = { ...none, absoluteThreshold: 0.4 };
    expect(evaluateGate(onlyThreshold, evidence())).toMatchObject({ passed: true, autoPushAllowed: true });
    expect(evaluateGate({ ...none, skewFreeDays: 0 }, evidence()).checks).toEqual([]);
  });
});

describe("primary_threshold", () => {
  it("higher is better: at or above passes, below fails", () => {
    expect(check(policy(), evidence(), "primary_threshold")).toEqual({
      id: "primary_threshold",
      verdict: "pass",
      observed: 0.412,
      limit: 0.4,
      sentence: "ndcg@10 is 0.412, above the threshold 0.400.",
    });
    const at = evidence({ candidate: { version: 13, scores: { "ndcg@10": 0.4 } } });
    expect(check(policy(), at, "primary_threshold")).toMatchObject({ verdict: "pass", sentence: "ndcg@10 is 0.400, at the threshold 0.400." });
    const below = evidence({ candidate: { version: 13, scores: { "ndcg@10": 0.38 } } });
    expect(check(policy(), below, "primary_threshold")).toMatchObject({
      verdict: "fail",
      observed: 0.38,
      sentence: "ndcg@10 is 0.380, below the threshold 0.400; it must be at least that.",
    });
  });

  it("lower is better: below passes, above fails", () => {
    const p = policy({ primaryMetric: "skip_rate", direction: "lower_is_better", absoluteThreshold: 0.25 });
    const low = evidence({ candidate: { version: 13, scores: { skip_rate: 0.2 } } });
    expect(check(p, low, "primary_threshold")).toMatchObject({ verdict: "pass", sentence: "skip_rate is 0.200, below the threshold 0.250." });
    const high = evidence({ candidate: { version: 13, scores: { skip_rate: 0.3 } } });
    expect(check(p, high, "primary_threshold")).toMatchObject({
      verdict: "fail",
      sentence: "skip_rate is 0.300, above the threshold 0.250; it must be at most that.",
    });
  });

  it("has no data when the candidate lacks the metric or it is not finite", () => {
    const cases: Record<string, number>[] = [{ "recall@50": 0.6 }, { "ndcg@10": Number.NaN }];
    for (const scores of cases) {
      const c = check(policy(), evidence({ candidate: { version: 13, scores } }), "primary_threshold");
      expect(c).toMatchObject({ verdict: "no_data", observed: null, limit: 0.4 });
      expect(c.sentence).toBe("The candidate has no ndcg@10 score to compare with the threshold 0.400.");
    }
  });
});

describe("regression_vs_production", () => {
  const withScores = (cand: number, prod: number, metric = "ndcg@10") =>
    evidence({ candidate: { version: 13, scores: { [metric]: cand } }, production: { version: 12, scores: { [metric]: prod } } });

  it("higher is better: a drop up to the allowed regression passes, a larger one fails", () => {
    expect(check(policy(), withScores(0.402, 0.412), "regression_vs_production")).toMatchObject({
      verdict: "pass",
      limit: 0.01,
      sentence: "ndcg@10 is 0.402 against 0.412 in production (v12): a regression of 0.010, within the allowed 0.010.",
    });
    const fail = check(policy(), withScores(0.39, 0.412), "regression_vs_production");
    expect(fail.verdict).toBe("fail");
    expect(fail.observed).toBeCloseTo(0.022, 12);
    expect(fail.sentence).toBe("ndcg@10 is 0.390 against 0.412 in production (v12): a regression of 0.022, more than the allowed 0.010.");
    const better = check(policy(), withScores(0.43, 0.412), "regression_vs_production");
    expect(better.verdict).toBe("pass");
    expect(better.observed).toBeCloseTo(-0.018, 12);
    expect(better.sentence).toContain("an improvement of 0.018");
  });

  it("lower is better: a rise is the regression", () => {
    const p = policy({ primaryMetric: "skip_rate", direction: "lower_is_better", absoluteThreshold: null, maxRegression: 0.02 });
    const up = check(p, withScores(0.25, 0.2, "skip_rate"), "regression_vs_production");
    expect(up.verdict).toBe("fail");
    expect(up.observed).toBeCloseTo(0.05, 12);
    expect(up.sentence).toContain("a regression of 0.050, more than the allowed 0.020");
    const down = check(p, withScores(0.15, 0.2, "skip_rate"), "regression_vs_production");
    expect(down.verdict).toBe("pass");
    expect(down.sentence).toContain("an improvement of 0.050");
    expect(check(p, withScores(0.2, 0.2, "skip_rate"), "regression_vs_production").sentence).toContain("no change");
  });

  it("has no data without a production version or without its score", () => {
    expect(check(policy(), evidence({ production: null }), "regression_vs_production")).toMatchObject({
      verdict: "no_data",
      sentence: "No version is in production, so ndcg@10 cannot be compared with it.",
    });
    const noScore = evidence({ production: { version: 12, scores: {} } });
    expect(check(policy(), noScore, "regression_vs_production").sentence).toBe(
      "ndcg@10 cannot be compared with production: production (v12) has no score.",
    );
    expect(evaluateGate(policy(), evidence({ production: null })).passed).toBe(false);
  });
});

describe("skew", () => {
  it("passes with every day of the window checked and no anomaly", () => {
    expect(check(policy(), evidence(), "skew")).toEqual({
      id: "skew",
      verdict: "pass",
      observed: 0,
      limit: 0,
      sentence: "No skew anomaly in the last 7 days (7 days checked).",
    });
  });

  it("fails on an anomaly inside the window and names the days and features", () => {
    const skew = {
      daysChecked: 7,
      anomalousDays: [
        { day: "2025-03-09", features: ["listen_count"] },
        { day: "2025-03-04", features: ["user_age", "country"] },
        { day: "2025-03-03", features: ["too_old"] }, // the window is 2025-03-04 … 2025-03-10
      ],
    };
    expect(check(policy(), evidence({ skew }), "skew")).toMatchObject({
      verdict: "fail",
      observed: 2,
      sentence: "Skew anomalies on 2 days within the last 7 days: 2025-03-04 (user_age, country); 2025-03-09 (listen_count).",
    });
  });

  it("ignores anomalies older than the window", () => {
    const skew = { daysChecked: 7, anomalousDays: [{ day: "2025-03-03", features: ["user_age"] }] };
    expect(check(policy(), evidence({ skew }), "skew").verdict).toBe("pass");
  });

  it("has no data without validation, or with days of the window unchecked", () => {
    expect(check(policy(), evidence({ skew: null }), "skew")).toMatchObject({
      verdict: "no_data",
      sentence: "No skew report covers the last 7 days.",
    });
    expect(check(policy(), evidence({ skew: { daysChecked: 0, anomalousDays: [] } }), "skew").verdict).toBe("no_data");
    expect(check(policy(), evidence({ skew: { daysChecked: 5, anomalousDays: [] } }), "skew")).toMatchObject({
      verdict: "no_data",
      sentence: "Only 5 of the last 7 days have a skew report; none shows an anomaly.",
    });
    // A found anomaly is a failure even when the window is only partly checked.
    const partial = { daysChecked: 2, anomalousDays: [{ day: "2025-03-10", features: [] }] };
    expect(check(policy({ skewFreeDays: 1 }), evidence({ skew: partial }), "skew")).toMatchObject({
      verdict: "fail",
      sentence: "Skew anomaly on 1 day within the last day: 2025-03-10.",
    });
  });
});

describe("reviews_count and worse_share", () => {
  it("counts reviews against the minimum", () => {
    expect(check(policy(), evidence(), "reviews_count")).toMatchObject({ verdict: "pass", observed: 40, limit: 20, sentence: "40 reviews, at least the 20 required." });
    const one = evidence({ reviews: { total: 1, better: 1, same: 0, worse: 0 } });
    expect(check(policy(), one, "reviews_count")).toMatchObject({ verdict: "fail", sentence: "1 review, fewer than the 20 required." });
    expect(check(policy(), evidence({ reviews: null }), "reviews_count")).toMatchObject({
      verdict: "no_data",
      sentence: "No reviews have been recorded; 20 are required.",
    });
  });

  it("limits the share of worse verdicts, the limit itself included", () => {
    expect(check(policy(), evidence(), "worse_share")).toMatchObject({
      verdict: "pass",
      observed: 0.075,
      limit: 0.1,
      sentence: "3 of 40 reviews (7.5%) say worse, within the limit 10.0%.",
    });
    const atLimit = evidence({ reviews: { total: 30, better: 10, same: 17, worse: 3 } });
    expect(check(policy(), atLimit, "worse_share").verdict).toBe("pass");
    const tooMany = evidence({ reviews: { total: 40, better: 10, same: 20, worse: 10 } });
    expect(check(policy(), tooMany, "worse_share")).toMatchObject({ verdict: "fail", sentence: "10 of 40 reviews (25.0%) say worse, above the limit 10.0%." });
    const empty = evidence({ reviews: { total: 0, better: 0, same: 0, worse: 0 } });
    expect(check(policy(), empty, "worse_share").verdict).toBe("no_data");
    expect(check(policy(), empty, "reviews_count").verdict).toBe("fail");
  });
});
