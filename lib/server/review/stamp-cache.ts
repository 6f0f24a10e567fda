import "server-only";

type Entry<T> = { stamp: string; at: number; value: Promise<T>; refreshing: boolean };

/**
 * A small per-process memo for values derived from the database. An entry is reused while its stamp
 * (a cheap query that changes whenever the underlying rows change through the app) is the same; once
 * older than `maxAgeMs` it is still served while a fresh copy is computed in the background, so that
 * writes from outside the app show up without any request paying for the recomputation. Another
 * instance of the app computes its own copy: nothing here is a source of truth.
 */
export function stampCache<T>(maxEntries = 16, maxAgeMs = 10 * 60_000) {
  const entries = new Map<string, Entry<T>>();

  function store(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const value = compute();
    entries.delete(key);
    entries.set(key, { stamp, at: Date.now(), value, refreshing: false });
    // A failed computation is not kept: the next caller tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  }

  return async function get(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const hit = entries.get(key);
    if (!hit || hit.stamp !== stamp) return store(key, stamp, compute);
    if (Date.now() - hit.at >= maxAgeMs && !hit.refreshing) {
      hit.refreshing = true;
      // Swap in the fresh value only once it is ready; until then (or if it fails) the old one serves.
      compute().then(
        (fresh) => {
          if (entries.get(key) === hit) entries.set(key, { stamp, at: Date.now(), value: Promise.resolve(fresh), refreshing: false });
        },
        () => {
          hit.refreshing = false;
        },
      );
    }
    return hit.value;
  };
}
