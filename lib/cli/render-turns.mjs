// Page reads take turns: a worker renders at most `limit` GET or HEAD requests at a time and the others
// wait in arrival order. Renders are CPU-bound, so letting twenty interleave on one core only makes each
// of them late, and the slowest later still; in turns, the same throughput comes with a short, even wait.
// Other methods (uploads, actions) pass straight through: they wait on the database or on their body.

// Past this, a response is waiting on something other than the CPU (a slow query, a slow reader, a large
// body): it goes on, but gives its turn to the next one. A page renders in tens of milliseconds.
const TURN_MS = 250;

/**
 * Wraps a Node request handler so that GET and HEAD requests run at most `limit` at a time, first come
 * first served. A request leaves its turn, or the queue, when its response finishes, when its connection
 * closes (even while it waited), or after `turnMs`.
 *
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} handle
 * @param {{ limit: number; turnMs?: number }} options
 */
export function renderTurns(handle, { limit, turnMs = TURN_MS }) {
  let running = 0;
  const waiting = new Set();
  const startNext = () => {
    for (const start of waiting) {
      if (running >= limit) return;
      waiting.delete(start);
      start();
    }
  };
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return handle(req, res);
    let state = "waiting";
    const leave = () => {
      if (state === "running") {
        running -= 1;
        startNext();
      } else if (state === "waiting") waiting.delete(start);
      state = "gone";
    };
    const start = () => {
      state = "running";
      running += 1;
      setTimeout(leave, turnMs).unref();
      handle(req, res);
    };
    res.once("finish", leave);
    res.once("close", leave);
    if (running < limit) start();
    else waiting.add(start);
  };
}
