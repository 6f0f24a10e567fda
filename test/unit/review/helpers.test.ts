import { describe, expect, it } from "vitest";
import { annotateLists } from "../../../lib/review/annotate";
import { defaultCandidate, type ReviewModelOption } from "../../../lib/review/default-candidate";
import { safeImageUrl } from "../../../lib/review/image-url";
import { missingRanks, rankProblems } from "../../../lib/review/ranks";
import { reviewHref } from "../../../lib/review/review-url";
import { LIST_SEPARATOR, numberArrayLiteral, separatedList } from "../../../lib/server/catalog/pg-arrays";

describe("rankProblems", () => {
  it("accepts any permutation of 1..n, including the empty list", () => {
    expect(rankProblems([1, 2, 3])).toEqual([]);
    expect(rankProblems([3, 1, 2])).toEqual([]);
    expect(rankProblems([])).toEqual([]);
  });

  it("reports a duplicate at the second item holding the rank, naming the gap it leaves", () => {
    expect(rankProblems([1, 2, 2])).toEqual([{ index: 2, message: "rank 2 is also given to item 1 (ranks must run 1..3 without gaps or duplicates; missing: 3)" }]);
  });

  it("reports a rank beyond the list's length (a gap) and ranks that are both", () => {
    expect(rankProblems([1, 4, 2])).toEqual([{ index: 1, message: "rank 4 is beyond the 3 items of this list (ranks must run 1..3 without gaps or duplicates; missing: 3)" }]);
    expect(rankProblems([2, 2]).map((p) => p.index)).toEqual([1]);
    expect(missingRanks([2, 2, 5])).toEqual([1, 3]);
  });
});

describe("safeImageUrl", () => {
  it("keeps absolute https: URLs", () => {
    expect(safeImageUrl("https://images.example.com/a.jpg")).toBe("https://images.example.com/a.jpg");
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["data:image/svg+xml;base64,PHN2Zz4="],
    ["http://images.example.com/a.jpg"],
    ["//images.example.com/a.jpg"],
    ["/a.jpg"],
    ["https://user:pw@images.example.com/a.jpg"],
    ["not a url"],
    [""],
    [null],
  ])("turns %s into the placeholder (null)", (url) => {
    expect(safeImageUrl(url)).toBeNull();
  });
});

describe("annotateLists", () => {
  const item = (uri: string, type = "podcast") => ({ uri, type, creator: "c" });

  it("marks new, moved (signed) and same in the candidate, dropped and kept in the baseline, and recent listens", () => {
    const out = annotateLists([item("c"), item("a"), item("x")], [item("a"), item("b"), item("c")], ["x", "b"]);
    expect(out.candidate.map((i) => [i.uri, i.rank, i.change, i.recent])).toEqual([
      ["c", 1, { kind: "moved", from: 3, by: 2 }, false],
      ["a", 2, { kind: "moved", from: 1, by: -1 }, false],
      ["x", 3, { kind: "new" }, true],
    ]);
    expect(out.baseline!.map((i) => i.change)).toEqual([{ kind: "kept", to: 2 }, { kind: "dropped" }, { kind: "kept", to: 1 }]);
    expect(out.comparison).toMatchObject({ added: 1, dropped: 1, movedUp: 1, movedDown: 1, unchanged: 0, repeats: { candidate: 1, baseline: 1 } });
    expect(out.comparison!.overlapAt10).toBeCloseTo(0.5, 12);
  });

  it("scores identical lists RBO 1 and shows every item as new when there is no baseline", () => {
    expect(annotateLists([item("a"), item("b")], [item("a"), item("b")], []).comparison).toMatchObject({ rbo: 1, overlapAt10: 1, unchanged: 2 });
    const alone = annotateLists([item("a")], null, []);
    expect(alone.candidate[0]!.change).toEqual({ kind: "new" });
    expect(alone.comparison).toBeNull();
  });
});

describe("reviewHref", () => {
  it("writes only what differs from the defaults, the listener last", () => {
    expect(reviewHref({})).toBe("/review");
    expect(reviewHref({ model: "podcast-model", candidate: 52, sort: "panel", newOnly: false })).toBe("/review?model=podcast-model&candidate=52");
    expect(reviewHref({ model: "m", candidate: 2, baseline: 1, newOnly: true, country: "SE", sort: "change", unreviewed: true, listener: "l 1" })).toBe(
      "/review?model=m&candidate=2&baseline=1&new=1&country=SE&sort=change&unreviewed=1&listener=l+1",
    );
  });
});

describe("defaultCandidate", () => {
  const option = (model: string, versions: number[], production: number | null, pendingPromotion: number | null): ReviewModelOption => ({ model, shelfSlug: model, shelfTitle: model, versions, production, pendingPromotion });

  it("prefers the version with a pending promotion, then the newest above production, then the newest", () => {
    const targets = { models: [option("a", [5, 4], 4, null), option("b", [9, 8], 8, 9)] };
    expect(defaultCandidate(targets)).toEqual({ model: "b", version: 9 });
    expect(defaultCandidate(targets, "a")).toEqual({ model: "a", version: 5 });
    expect(defaultCandidate({ models: [option("c", [3], 3, null)] })).toEqual({ model: "c", version: 3 });
    expect(defaultCandidate({ models: [] })).toBeNull();
  });
});

describe("lists sent to Postgres", () => {
  it("joins strings with a leading unit separator, so that splitting and dropping the first part gives them back", () => {
    const roundTrip = (values: string[]) => separatedList(values).split(LIST_SEPARATOR).slice(1);
    expect(separatedList([])).toBe("");
    expect(separatedList([""])).toBe("\u001f");
    for (const list of [[""], ["a"], ["", ""], ['say "hi"', "back\\slash", "NULL", "a,b", "{x}", ""]]) expect(roundTrip(list)).toEqual(list);
  });

  it("writes numbers as an array literal", () => {
    expect(numberArrayLiteral([1, 2.5, -0.001, 1e-7])).toBe("{1,2.5,-0.001,1e-7}");
  });
});
