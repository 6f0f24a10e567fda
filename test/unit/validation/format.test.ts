import { describe, expect, it } from "vitest";
import { distance, movedMost, severity, severityColor, share } from "../../../components/validation/format";

describe("validation formatting", () => {
  it("prints distances, shares and severities compactly", () => {
    expect(distance(0.1)).toBe("0.100");
    expect(distance(0.000917)).toBe("9.2e-4");
    expect(distance(null)).toBe("—");
    expect(share(0.1514)).toBe("15.1%");
    expect(share(0.0004)).toBe("0.04%");
    expect(severity(9.1234)).toBe("9.1×");
    expect(severity(12.5)).toBe("13×");
    expect(movedMost({ kind: "value", label: "car_display", baselineShare: 0, targetShare: 0.151 })).toBe("car_display: 0% → 15.1%");
  });

  it("colours every cell above its threshold red, and none at or below it", () => {
    const red = (c: string) => {
      const [r, g, b] = c.match(/\d+/g)!.map(Number);
      return r > 100 && g < 120 && b < 120;
    };
    for (const s of [0, 0.5, 0.99, 1]) expect(red(severityColor(s)), `${s}`).toBe(false);
    for (const s of [1.0001, 1.5, 3, 10, 1000]) expect(red(severityColor(s)), `${s}`).toBe(true);
    expect(severityColor(null)).toBe("rgb(241 245 249)");
  });
});
