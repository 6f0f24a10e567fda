import "server-only";

type Entry<T> = { stamp: string; value: Promise<T> };

/**
 * A small in-process cache of derived data, each entry valid only while its stamp (a cheap summary of
 * the rows it was derived from, read from the database on every use) is unchanged. So every instance of
 * the web tier stays correct on its own, and a write anywhere shows at the next read. Concurrent misses
 * share one computation; the least recently used entries go first.
 */
export function stampedCache<T>(limit: number) {
  const entries = new Map<string, Entry<T>>();
  return (key: string, stamp: string, compute: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp) {
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    const entry: Entry<T> = { stamp, value: compute() };
    entries.set(key, entry);
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    while (entries.size > limit) entries.delete(entries.keys().next().value!);
    return entry.value;
  };
}
