import type { IncomingMessage, ServerResponse } from "node:http";

/** Wraps a request handler so that GET and HEAD requests run at most `limit` at a time, first come first served. */
export function renderTurns(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  options: { limit: number; turnMs?: number },
): (req: IncomingMessage, res: ServerResponse) => void;
