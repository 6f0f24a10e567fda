import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstMatching, locate, matchesFilters, sortQueue, type QueueFilters, type QueueRow } from "../../../lib/review/queue";

const row = (externalId: string, rbo: number | null, extra: Partial<QueueRow> = {}): QueueRow => ({ listenerId: Number(externalId.slice(1)), externalId, isNew: false, country: "US", rbo, ...extra });
const ROWS = [row("l3", 0.9), row("l1", 0.2, { isNew: true }), row("l2", null, { country: "SE" }), row("l4", 0.2)];
const ALL: QueueFilters = { newOnly: false, country: null, sort: "panel", exclude: null };

describe("sortQueue", () => {
  it("orders by listener id, or by lowest RBO first with listeners lacking a baseline last", () => {
    expect(sortQueue(ROWS, "panel").map((r) => r.externalId)).toEqual(["l1", "l2", "l3", "l4"]);
    expect(sortQueue(ROWS, "change").map((r) => r.externalId)).toEqual(["l1", "l4", "l3", "l2"]);
  });
});

describe("locate", () => {
  const sorted = sortQueue(ROWS, "panel");

  it("gives the place, the total and the neighbours of a listener in the queue", () => {
    expect(locate(sorted, ALL, "l2")).toEqual({ position: 2, total: 4, prev: "l1", next: "l3" });
    expect(locate(sorted, ALL, "l1")).toEqual({ position: 1, total: 4, prev: null, next: "l2" });
  });

  it("skips listeners that do not match, and keeps neighbours for a listener that no longer does", () => {
    const notReviewed: QueueFilters = { ...ALL, exclude: new Set([2, 3]) };
    expect(locate(sorted, notReviewed, "l1")).toEqual({ position: 1, total: 2, prev: null, next: "l4" });
    expect(locate(sorted, notReviewed, "l3")).toEqual({ position: null, total: 2, prev: "l1", next: "l4" });
    expect(locate(sorted, { ...ALL, country: "SE" }, "l9")).toEqual({ position: null, total: 1, prev: null, next: "l2" });
  });

  it("filters by new listeners and by country", () => {
    expect(matchesFilters(row("l1", 0, { isNew: true }), { ...ALL, newOnly: true })).toBe(true);
    expect(matchesFilters(row("l1", 0), { ...ALL, newOnly: true })).toBe(false);
    expect(firstMatching(sorted, { ...ALL, country: "SE" })).toBe("l2");
    expect(firstMatching(sorted, { ...ALL, country: "JP" })).toBeNull();
  });

  it("property: walking next from the first listener visits every matching listener once, in order", () => {
    const rows = fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 500 }), isNew: fc.boolean(), rbo: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }), { selector: (r) => r.id, maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.boolean(), fc.constantFrom<"panel" | "change">("panel", "change"), (raw, newOnly, sort) => {
        const queue = sortQueue(raw.map((r) => row(`l${r.id}`, r.rbo, { isNew: r.isNew })), sort);
        const filters = { ...ALL, newOnly, sort };
        const expected = queue.filter((r) => matchesFilters(r, filters)).map((r) => r.externalId);
        const walked: string[] = [];
        for (let id = firstMatching(queue, filters); id !== null; id = locate(queue, filters, id).next) walked.push(id);
        return JSON.stringify(walked) === JSON.stringify(expected);
      }),
    );
  });
});
