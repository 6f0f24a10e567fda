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
});
