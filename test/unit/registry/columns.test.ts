import { describe, expect, it } from "vitest";
import { fromColumns, packColumns, toColumns, unpackColumns } from "../../../lib/registry/columns";

describe("columns", () => {
  it("round-trips rows through columns", () => {
    const rows = [{ a: 1, b: "x", c: null as number | null }, { a: 2, b: "y", c: 3 }];
    const cols = toColumns(rows, ["a", "b", "c"]);
    expect(cols).toEqual({ a: [1, 2], b: ["x", "y"], c: [null, 3] });
    expect(fromColumns(cols)).toEqual(rows);
    expect(fromColumns(toColumns([] as { a: number }[], ["a"]))).toEqual([]);
  });

  it("packs columns into one string and back, keeping only the fields asked for", () => {
    const rows = [{ version: 1, value: 0.31, production: null as number | null, note: "<script>" }, { version: 2, value: 0.29, production: 0.31, note: "" }];
    const packed = packColumns(rows, ["version", "value", "production", "note"]);
    expect(typeof packed).toBe("string");
    expect(unpackColumns(packed)).toEqual(rows);
    expect(unpackColumns(packColumns(rows, ["version"]))).toEqual([{ version: 1 }, { version: 2 }]);
    expect(unpackColumns(packColumns([] as { a: number }[], ["a"]))).toEqual([]);
  });

  it("writes days as day numbers and flags as 1 and 0, and reads them back", () => {
    const rows = [{ day: Date.UTC(2026, 10, 29), deployed: true, value: 0.5 }, { day: Date.UTC(2026, 10, 30), deployed: false, value: 0.25 }];
    const packed = packColumns(rows, ["day", "deployed", "value"], { day: "day", deployed: "flag" });
    expect(JSON.parse(packed)).toMatchObject({ day: [20786, 20787], deployed: [1, 0] });
    expect(unpackColumns(packed)).toEqual(rows);
    // Packed once per rows and fields: the same text again, another for other codecs.
    expect(packColumns(rows, ["day", "deployed", "value"], { day: "day", deployed: "flag" })).toBe(packed);
    expect(unpackColumns(packColumns(rows, ["day"]))).toEqual(rows.map((r) => ({ day: r.day })));
  });

  it("writes climbing integers as steps, repeated values once, and reads them back", () => {
    const rows = [
      { day: Date.UTC(2026, 10, 28), version: 41, production: null as number | null, reason: "promotion" },
      { day: Date.UTC(2026, 10, 29), version: 45, production: 40, reason: "rollback" },
      { day: Date.UTC(2026, 10, 30), version: 45, production: null, reason: "promotion" },
      { day: Date.UTC(2026, 11, 1), version: 52, production: 44, reason: "promotion" },
    ];
    const codecs = { day: ["day", "steps"], version: "steps", production: "steps", reason: "enum" } as const;
    const packed = packColumns(rows, ["day", "version", "production", "reason"], codecs);
    expect(JSON.parse(packed)).toMatchObject({
      day: [20785, 1, 1, 1],
      version: [41, 4, 0, 7],
      production: [null, 40, null, 4],
      reason: { values: ["promotion", "rollback"], index: [0, 1, 0, 0] },
    });
    expect(unpackColumns(packed)).toEqual(rows);
  });

  it("rounds values to 6 significant digits, keeping whole numbers whole", () => {
    const rows = [0.04200779697763696, 0.3109, 123.456789, 1234567.89, 98765432, -0.000123456789, 0, 1e-30 / 3].map((value) => ({ value }));
    expect(JSON.parse(packColumns(rows, ["value"], { value: "sig6" })).value).toEqual([0.0420078, 0.3109, 123.457, 1234568, 98765432, -0.000123457, 0, 3.33333e-31]);
    // Every value within half a unit of its sixth digit (or of the ones place).
    unpackColumns(packColumns(rows, ["value"], { value: "sig6" })).forEach(({ value }, i) => {
      const original = rows[i]!.value;
      expect(Math.abs(value - original)).toBeLessThanOrEqual(Math.min(Math.abs(original) * 5e-6, 0.5));
    });
  });
});
