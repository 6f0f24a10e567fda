import { describe, expect, it } from "vitest";
import { stampedCache } from "../../../lib/server/models/stamped-cache";

describe("stampedCache", () => {
  it("serves an entry while its stamp holds, recomputes when it changes, and shares concurrent misses", async () => {
    const cache = stampedCache<number>(10);
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([cache("k", "s1", compute), cache("k", "s1", compute)]);
    expect([a, b, computed]).toEqual([1, 1, 1]);
    expect(await cache("k", "s1", compute)).toBe(1);
    expect(await cache("k", "s2", compute)).toBe(2);
  });

  it("forgets a failed computation and the least recently used entries", async () => {
    const cache = stampedCache<string>(2);
    await expect(cache("bad", "s", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache("bad", "s", async () => "ok")).toBe("ok");
    await cache("a", "s", async () => "a1");
    await cache("bad", "s", async () => "unused"); // touch: "a" is now the oldest
    await cache("b", "s", async () => "b1");
    expect(await cache("a", "s", async () => "a2")).toBe("a2");
    expect(await cache("b", "s", async () => "b2")).toBe("b1");
  });
});
