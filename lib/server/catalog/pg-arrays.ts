import "server-only";

// Bulk writes pass one array per column to `unnest(...)`. A column whose values are themselves arrays
// (genres, item ids, scores, reasons) cannot go as a two-dimensional array: unnest flattens those and
// Postgres arrays must be rectangular. So each row's list travels as one string, split back in SQL.
//
// Numbers go as an array literal, `{1,2,3}`, cast per row (`i::integer[]`). Strings go joined by the
// ASCII unit separator (U+001F), which the schemas forbid inside them, and are split with
// `(string_to_array(x, chr(31)))[2:]`: no quoting at all. Quoted literals would work too, but the
// driver then escapes every quote of every row again, which for 250,000 reasons costs most of a second.

/** The separator between the strings of one row's list; lib/schemas/review.ts keeps it out of the strings. */
export const LIST_SEPARATOR = "\u001f";

/**
 * One row's list of strings for `(string_to_array(x, chr(31)))[2:]`: each element is preceded by the
 * separator, so that [] → "" → {}, [""] → "\x1f" → {""}, ["a", "b"] → "\x1fa\x1fb" → {a,b}.
 */
export function separatedList(values: readonly string[]): string {
  return values.length === 0 ? "" : LIST_SEPARATOR + values.join(LIST_SEPARATOR);
}

/** A Postgres numeric array literal (int[] or float8[]); callers pass finite numbers only. */
export function numberArrayLiteral(values: readonly number[]): string {
  return `{${values.join(",")}}`;
}
