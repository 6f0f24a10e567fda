import { describe, expect, it } from "vitest";
import { formatDelta } from "../../../lib/registry/format-delta";

describe("formatDelta", () => {
  it("signs the change and keeps two significant digits below 0.01", () => {
    expect(formatDelta(0.0035)).toBe("+0.0035");
    expect(formatDelta(-0.00041)).toBe("−0.00041");
    expect(formatDelta(0.012)).toBe("+0.012");
    expect(formatDelta(-12.34)).toBe("−12.3");
    expect(formatDelta(25_000)).toBe("+25,000");
    expect(formatDelta(0)).toBe("±0.000");
    expect(formatDelta(0.0009)).toBe("+0.0009");
  });
});
