// Which worker takes the next connection: the one holding the fewest open connections (the first
// added, on a tie). A page request ties up its worker's core, and browsers and load balancers keep their
// connections open for many requests; handed out in turn regardless, one worker can end up with more of
// them than another and every request on it waits longer.

/**
 * Open connections per member.
 * @template Id
 */
export function leastConnections() {
  /** @type {Map<Id, number>} */
  const open = new Map();
  return {
    /** @param {Id} id */
    add(id) {
      if (!open.has(id)) open.set(id, 0);
    },
    /** @param {Id} id */
    remove(id) {
      open.delete(id);
    },
    get size() {
      return open.size;
    },
    /** The member that takes the next connection, now counted against it; undefined when there is none. */
    take() {
      let best;
      let fewest = Infinity;
      for (const [id, count] of open) {
        if (count < fewest) {
          best = id;
          fewest = count;
        }
      }
      if (best !== undefined) open.set(best, fewest + 1);
      return best;
    },
    /** A connection of this member closed. @param {Id} id */
    release(id) {
      const count = open.get(id);
      if (count !== undefined && count > 0) open.set(id, count - 1);
    },
    /** @param {Id} id */
    openOf(id) {
      return open.get(id);
    },
  };
}
