import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { renderTurns } from "../../../lib/cli/render-turns.mjs";

// A request and its response as far as the turns see them: a method, and "finish" / "close" events.
function exchange(method = "GET") {
  const req = { method } as never;
  const res = new EventEmitter();
  return { req, res, finish: () => res.emit("finish"), close: () => res.emit("close") };
}

function setup(limit: number, turnMs?: number) {
  const started: unknown[] = [];
  const handler = renderTurns((_req: unknown, res: unknown) => void started.push(res), { limit, ...(turnMs ? { turnMs } : {}) });
  const send = (method?: string) => {
    const x = exchange(method);
    handler(x.req, x.res as never);
    return { ...x, started: () => started.includes(x.res) };
  };
  return { send, started };
}

describe("render turns", () => {
  it("renders at most `limit` page reads at once, the others in arrival order", () => {
    const { send } = setup(2);
    const [a, b, c, d] = [send(), send(), send(), send()];
    expect([a, b, c, d].map((x) => x.started())).toEqual([true, true, false, false]);
    b.finish();
    expect([c, d].map((x) => x.started())).toEqual([true, false]);
    a.finish();
    expect(d.started()).toBe(true);
  });

  it("lets uploads and actions through without a turn", () => {
    const { send } = setup(1);
    const page = send();
    const post = send("POST");
    expect([page.started(), post.started()]).toEqual([true, true]);
    expect(send("GET").started()).toBe(false);
  });

  it("forgets a request whose client gave up while it waited, and frees the turn of one that closed", () => {
    const { send } = setup(1);
    const a = send();
    const gaveUp = send();
    const c = send();
    gaveUp.close();
    a.close(); // a closed connection ends a running response too ("close" after "finish" changes nothing)
    a.finish();
    expect(gaveUp.started()).toBe(false);
    expect(c.started()).toBe(true);
    const d = send();
    expect(d.started()).toBe(false);
    c.finish();
    expect(d.started()).toBe(true);
  });

  it("gives the turn to the next request when a response runs longer than a turn", () => {
    vi.useFakeTimers();
    try {
      const { send } = setup(1, 1000);
      const slow = send();
      const next = send();
      expect(next.started()).toBe(false);
      vi.advanceTimersByTime(1000);
      expect(next.started()).toBe(true);
      slow.finish(); // its turn was already given up: no extra one appears
      const third = send();
      expect(third.started()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
