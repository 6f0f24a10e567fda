import { describe, expect, it } from "vitest";
import { fromColumns, toColumns } from "../../../lib/registry/columns";

describe("columns", () => {
  it("round-trips rows through columns", () => {
    const rows = [{ a: 1, b: "x", c: null as number | null }, { a: 2, b: "y", c: 3 }];
    const cols = toColumns(rows, ["a", "b", "c"]);
    expect(cols).toEqual({ a: [1, 2], b: ["x", "y"], c: [null, 3] });
    expect(fromColumns(cols)).toEqual(rows);
    expect(fromColumns(toColumns([] as { a: number }[], ["a"]))).toEqual([]);
  });
});
