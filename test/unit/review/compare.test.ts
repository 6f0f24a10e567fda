import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeUnitValues,
  diffRankings,
  overlapAtK,
  rankBiasedOverlap,
  repeatsOfRecentListens,
  summarizePanel,
  type RankedItem,
} from "../../../lib/review/compare";

const chars = (s: string) => s.split("");
const rbo = (a: string, b: string, p = 0.9) => rankBiasedOverlap(chars(a), chars(b), p);

describe("rankBiasedOverlap", () => {
  // Expected values are RBO_ext, eq. 32 of Webber, Moffat & Zobel (2010), as computed by the public
  // reference implementation changyaochen/rbo (RankingSimilarity.rbo_ext), checked against a direct
  // transcription of eq. 32. Lists with no repeated items, so its tie handling plays no part.
  it.each([
    ["abcdefg", "zcavwxy", 0.9, 0.288217285714],
    ["abcde", "abced", 0.9, 0.981775],
    ["abcde", "edcba", 0.9, 0.737775],
    ["abcdefghij", "bdfhjacegi", 0.9, 0.679555291179],
    ["abcdefghij", "bdfhjacegi", 0.99, 0.959850665255],
    ["abc", "xaybzc", 0.9, 0.543177],
    ["abcdefghij", "axbycz", 0.9, 0.570061],
    ["abcdefghij", "axbycz", 0.99, 0.50759409601],
    ["abcdefghijklmnopqrstuvwxyz", "kxcnarvmwyp", 0.9, 0.290852282121],
    ["abcdefghijklmnopqrstuvwxyz", "kxcnarvmwyp", 0.99, 0.529391747453],
  ])("%s vs %s at p=%s is %s (reference implementation)", (a, b, p, expected) => {
    expect(rbo(a, b, p)).toBeCloseTo(expected, 10);
  });

  it("swapping the top two of seven gives exactly p (dlukes/rbo doctest, eq. 32)", () => {
    expect(rbo("abcdefg", "bacdefg")).toBeCloseTo(0.9, 12);
    expect(rbo("abcdefg", "bacdefg", 0.99)).toBeCloseTo(0.99, 12);
  });

  it("uneven lengths, worked by hand from eq. 32: S = [a], L = [b, a]", () => {
    // X_1 = 0, X_2 = 1, X_s = X_1 = 0; (1-p)/p · (0 + 1/2·p²) + ((1 − 0)/2 + 0)·p² = 0.045 + 0.405.
    expect(rbo("a", "ba")).toBeCloseTo(0.45, 12);
    expect(rbo("ba", "a")).toBeCloseTo(0.45, 12);
  });

  it("extrapolates a shorter list that is a prefix of the longer one to 1 (changyaochen/rbo README)", () => {
    expect(rbo("abcde", "abcdefg")).toBeCloseTo(1, 12);
    expect(rbo("abcde", "bacdefghij")).toBeCloseTo(0.9, 12);
  });

  it("does not confuse RBO_ext with the truncated sum or average overlap", () => {
    // Truncated RBO@7 of these would be 1 − p⁷ ≈ 0.522; average overlap would be 1.
    expect(rbo("abcdefg", "abcdefg")).toBe(1);
    // Average overlap of this pair is 0.312 (paper, Figure 5); RBO_ext at p = 0.9 is not.
    expect(rbo("abcdefg", "zcavwxy")).not.toBeCloseTo(0.312, 3);
  });

  it("handles empty lists and repeated items", () => {
    expect(rankBiasedOverlap([], [])).toBe(1);
    expect(rankBiasedOverlap(["a"], [])).toBe(0);
    expect(rankBiasedOverlap([], ["a"])).toBe(0);
    // A repeat keeps only its first rank: [a, a, b] is read as [a, b].
    expect(rankBiasedOverlap(["a", "a", "b"], ["a", "b"])).toBe(1);
    expect(rankBiasedOverlap(["a", "b", "a", "c"], ["a", "b", "c"])).toBe(1);
  });

  it("rejects a persistence outside (0, 1)", () => {
    expect(() => rankBiasedOverlap(["a"], ["a"], 1)).toThrow(RangeError);
    expect(() => rankBiasedOverlap(["a"], ["a"], 0)).toThrow(RangeError);
  });

  const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 });
  const p = fc.double({ min: 0.05, max: 0.99, noNaN: true });

  it("property: identical lists score 1", () => {
    fc.assert(fc.property(ids, p, (list, q) => Math.abs(rankBiasedOverlap(list, list, q) - 1) < 1e-9));
  });

  it("property: disjoint lists score 0", () => {
    fc.assert(
      fc.property(ids, ids, p, (a, b, q) => {
        const left = a.map((x) => `L${x}`);
        const right = b.map((x) => `R${x}`);
        return rankBiasedOverlap(left, right, q) === 0;
      }),
    );
  });

  it("property: bounded by [0, 1] and symmetric, for even and uneven lengths", () => {
    const pool = fc.array(fc.constantFrom(..."abcdefghijklmnop".split("")), { maxLength: 30 });
    fc.assert(
      fc.property(pool, pool, p, (a, b, q) => {
        const ab = rankBiasedOverlap(a, b, q);
        return ab >= 0 && ab <= 1 && Math.abs(ab - rankBiasedOverlap(b, a, q)) < 1e-12;
      }),
    );
  });

  it("property: a prefix of a list scores 1 against the whole list", () => {
    fc.assert(
      fc.property(ids, fc.nat(), p, (list, cut, q) => {
        const prefix = list.slice(0, 1 + (cut % list.length));
        return Math.abs(rankBiasedOverlap(prefix, list, q) - 1) < 1e-9;
      }),
    );
  });
});

describe("overlapAtK", () => {
  it("is the Jaccard similarity of the two top-k sets", () => {
    expect(overlapAtK(chars("abcd"), chars("abxy"), 4)).toBeCloseTo(2 / 6, 12);
    expect(overlapAtK(chars("abcd"), chars("dcba"), 4)).toBe(1);
    expect(overlapAtK(chars("abcdz"), chars("abcdy"), 4)).toBe(1);
    expect(overlapAtK(chars("ab"), chars("abc"), 10)).toBeCloseTo(2 / 3, 12);
    expect(overlapAtK(chars("aab"), chars("ab"), 2)).toBe(1);
  });

  it("handles empty lists and a bad k", () => {
    expect(overlapAtK([], [], 10)).toBe(1);
    expect(overlapAtK(["a"], [], 10)).toBe(0);
    expect(() => overlapAtK(["a"], ["a"], 0)).toThrow(RangeError);
  });
});

const item = (id: string, type = "podcast", creator?: string): RankedItem & { title: string } => ({
  id,
  type,
  creator,
  title: `Title ${id}`,
});

describe("diffRankings", () => {
  it("splits items into added, dropped, moved (positive = up) and unchanged, keeping extra fields", () => {
    const baseline = [item("a"), item("b"), item("c"), item("d", "playlist")];
    const candidate = [item("c"), item("b"), item("a"), item("e", "episode"), item("e", "episode")];
    const diff = diffRankings(candidate, baseline);
    expect(diff.added).toEqual([{ item: item("e", "episode"), rank: 4 }]);
    expect(diff.dropped).toEqual([{ item: item("d", "playlist"), rank: 4 }]);
    expect(diff.unchanged.map((e) => e.item.id)).toEqual(["b"]);
    expect(diff.moved.map(({ item: i, fromRank, toRank, change }) => [i.id, fromRank, toRank, change])).toEqual([
      ["c", 3, 1, 2],
      ["a", 1, 3, -2],
    ]);
    expect(diff.added[0]!.item.title).toBe("Title e");
  });

  it("reports the content-type mix of each list and its change, largest change first", () => {
    const baseline = [item("a"), item("b"), item("c", "playlist"), item("d", "playlist")];
    const candidate = [item("a"), item("b"), item("e"), item("f", "episode")];
    const mix = diffRankings(candidate, baseline).typeMix;
    expect(mix.map((m) => m.type)).toEqual(["playlist", "episode", "podcast"]);
    expect(mix[0]).toMatchObject({ candidateShare: 0, baselineShare: 0.5, delta: -0.5 });
    expect(mix[1]).toMatchObject({ candidateShare: 0.25, baselineShare: 0, delta: 0.25 });
    expect(mix[2]!.delta).toBeCloseTo(0.25, 12);
  });
});

describe("repeatsOfRecentListens", () => {
  it("returns recommended items the listener played recently, with their rank", () => {
    const list = [item("a"), item("b"), item("c"), item("b")];
    expect(repeatsOfRecentListens(list, ["c", "b", "zz"]).map((e) => [e.item.id, e.rank])).toEqual([
      ["b", 2],
      ["c", 3],
    ]);
    expect(repeatsOfRecentListens(list, [])).toEqual([]);
  });
});

describe("summarizePanel", () => {
  const samples = [
    { listenerId: "l1", candidate: [item("a", "podcast", "x"), item("b", "episode", "y")], baseline: [item("a"), item("b")] },
    { listenerId: "l2", candidate: [item("c", "podcast", "x"), item("d", "podcast", "x")], baseline: [item("e"), item("f")] },
    { listenerId: "l3", candidate: [item("a", "podcast", "x"), item("c", "podcast")], baseline: null },
  ];

  it("summarizes RBO and overlap@k over listeners that have a baseline", () => {
    const summary = summarizePanel(samples, { catalogueSize: 10, k: 10 });
    expect(summary).toMatchObject({ listeners: 3, compared: 2, k: 10 });
    expect(summary.rbo).toMatchObject({ count: 2, mean: 0.5, median: 0.5, min: 0, max: 1 });
    expect(summary.rbo!.histogram[0]!.count).toBe(1);
    expect(summary.rbo!.histogram[9]!.count).toBe(1);
    expect(summary.overlapAtK).toMatchObject({ count: 2, mean: 0.5 });
  });

  it("measures catalogue coverage and Gini–Simpson diversity by type and creator", () => {
    const summary = summarizePanel(samples, { catalogueSize: 10 });
    expect(summary.candidate.coverage).toEqual({ distinctItems: 4, catalogueSize: 10, share: 0.4 });
    // Per list by type: l1 1 − (½² + ½²) = 0.5, l2 0, l3 0 → mean 1/6.
    expect(summary.candidate.diversity.byType).toBeCloseTo(1 / 6, 12);
    // By creator: l1 0.5, l2 0, l3 only one item has a creator → 0; mean 1/6.
    expect(summary.candidate.diversity.byCreator).toBeCloseTo(1 / 6, 12);
    expect(summary.baseline!.coverage.distinctItems).toBe(4);
    expect(summary.baseline!.diversity.byCreator).toBeNull();
  });

  it("has no distributions when no listener has a baseline", () => {
    const summary = summarizePanel([samples[2]!], { catalogueSize: 0 });
    expect(summary.rbo).toBeNull();
    expect(summary.baseline).toBeNull();
    expect(summary.candidate.coverage.share).toBe(0);
  });
});

describe("describeUnitValues", () => {
  it("computes median of an even count and counts 1 in the last bucket", () => {
    const d = describeUnitValues([0.1, 0.4, 1, 0.2], 5)!;
    expect(d.median).toBeCloseTo(0.3, 12);
    expect(d.histogram.map((b) => b.count)).toEqual([1, 1, 1, 0, 1]);
    expect(describeUnitValues([])).toBeNull();
  });
});
