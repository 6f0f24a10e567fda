import { describe, expect, it } from "vitest";
import { leastConnections } from "../../../lib/cli/least-connections.mjs";

describe("least connections", () => {
  it("gives each new connection to the worker holding the fewest, the first added on a tie", () => {
    const pool = leastConnections<number>();
    pool.add(1);
    pool.add(2);
    expect(Array.from({ length: 6 }, () => pool.take())).toEqual([1, 2, 1, 2, 1, 2]);
    expect([pool.openOf(1), pool.openOf(2)]).toEqual([3, 3]);
  });

  it("fills up the worker whose connections closed, so that long-lived connections stay even", () => {
    const pool = leastConnections<string>();
    pool.add("a");
    pool.add("b");
    for (let i = 0; i < 10; i++) pool.take();
    for (let i = 0; i < 3; i++) pool.release("b");
    expect(Array.from({ length: 4 }, () => pool.take())).toEqual(["b", "b", "b", "a"]);
    expect([pool.openOf("a"), pool.openOf("b")]).toEqual([6, 5]);
  });

  it("never counts below zero, and forgets a worker that left", () => {
    const pool = leastConnections<number>();
    expect(pool.take()).toBeUndefined();
    pool.add(1);
    pool.release(1);
    expect(pool.openOf(1)).toBe(0);
    pool.add(2);
    pool.take();
    pool.remove(1);
    expect(pool.size).toBe(1);
    expect(pool.take()).toBe(2);
    expect(pool.openOf(2)).toBe(1);
  });
});
