import { describe, expect, it } from "vitest";
import { compareScore, meetsThreshold, versionStatus } from "../../../lib/registry/compare";

describe("compareScore", () => {
  it("calls a rise better when higher is better, and worse when lower is better", () => {
    expect(compareScore(0.35, 0.32, "higher_is_better").verdict).toBe("better");
    expect(compareScore(0.35, 0.32, "lower_is_better").verdict).toBe("worse");
    expect(compareScore(0.3, 0.32, "higher_is_better").verdict).toBe("worse");
    expect(compareScore(0.3, 0.32, "lower_is_better").verdict).toBe("better");
  });

  it("treats float noise as no change", () => {
    expect(compareScore(0.1 + 0.2, 0.3, "higher_is_better")).toMatchObject({ verdict: "same" });
    expect(compareScore(1_000_000.0000001, 1_000_000, "lower_is_better").verdict).toBe("same");
  });

  it("gives a delta but no verdict for a metric without a direction, nothing without both values", () => {
    expect(compareScore(2, 1, null)).toEqual({ delta: 1, verdict: null });
    expect(compareScore(null, 1, "higher_is_better")).toEqual({ delta: null, verdict: null });
    expect(compareScore(1, null, "higher_is_better")).toEqual({ delta: null, verdict: null });
  });
});

describe("meetsThreshold", () => {
  it("includes the threshold itself and follows the direction", () => {
    expect(meetsThreshold(0.3, 0.3, "higher_is_better")).toBe(true);
    expect(meetsThreshold(0.29, 0.3, "higher_is_better")).toBe(false);
    expect(meetsThreshold(0.29, 0.3, "lower_is_better")).toBe(true);
    expect(meetsThreshold(null, 0.3, "lower_is_better")).toBeNull();
    expect(meetsThreshold(0.2, null, "lower_is_better")).toBeNull();
  });
});

describe("versionStatus", () => {
  const shelf = { production: 50, newest: 52, pending: null };
  it("names production, the newest version above it as candidate, and every other one earlier", () => {
    expect(versionStatus(50, shelf)).toBe("production");
    expect(versionStatus(52, shelf)).toBe("candidate");
    expect(versionStatus(51, shelf)).toBe("earlier");
    expect(versionStatus(49, shelf)).toBe("earlier");
  });
  it("makes a pending promotion's version the candidate, and has none when production is newest", () => {
    expect(versionStatus(51, { ...shelf, pending: 51 })).toBe("candidate");
    expect(versionStatus(52, { production: 52, newest: 52, pending: null })).toBe("production");
    expect(versionStatus(3, { production: null, newest: 3, pending: null })).toBe("candidate");
  });
});
