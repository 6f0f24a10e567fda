/** Open connections per member: the next connection goes to the member holding the fewest. */
export function leastConnections<Id>(): {
  add(id: Id): void;
  remove(id: Id): void;
  readonly size: number;
  /** The member that takes the next connection, now counted against it; undefined when there is none. */
  take(): Id | undefined;
  /** A connection of this member closed. */
  release(id: Id): void;
  openOf(id: Id): number | undefined;
};
