// Chart series travel from the server to the browser as columns (one array per field) rather than an
// array of objects: the field names are written once instead of once per point.

export type Columns<T> = { [K in keyof T]: T[K][] };

/** Rows to columns, for the given fields. */
export function toColumns<T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[]): Columns<Pick<T, K>> {
  const out = {} as Columns<Pick<T, K>>;
  for (const key of keys) out[key] = rows.map((r) => r[key]);
  return out;
}

/** Columns back to rows (the length of the first column). */
export function fromColumns<T extends object>(columns: Columns<T>): T[] {
  const keys = Object.keys(columns) as (keyof T)[];
  const length = keys.length ? columns[keys[0]!].length : 0;
  return Array.from({ length }, (_, i) => {
    const row = {} as T;
    for (const key of keys) row[key] = columns[key][i]!;
    return row;
  });
}

/**
 * Columns packed into one JSON string. React's server payload serialises, escapes and parses every value
 * it carries one by one; a chart's thousands of numbers cost far less as a single string that the
 * browser parses natively.
 */
export type PackedColumns<T> = string & { readonly __columns?: T };

/**
 * Shorter spellings of a column's values, undone by `unpackColumns` (the packed text names them):
 * "day" writes UTC-midnight timestamps as day numbers, "flag" writes booleans as 1 and 0.
 */
export type ColumnCodec = "day" | "flag";
const DAY_MS = 86_400_000;
const encode: Record<ColumnCodec, (v: unknown) => unknown> = {
  day: (v) => (typeof v === "number" ? Math.round(v / DAY_MS) : v),
  flag: (v) => (typeof v === "boolean" ? (v ? 1 : 0) : v),
};
const decode: Record<ColumnCodec, (v: unknown) => unknown> = {
  day: (v) => (typeof v === "number" ? v * DAY_MS : v),
  flag: (v) => (v === 1 ? true : v === 0 ? false : v),
};
const CODECS_KEY = "$codecs";

// Series kept per model revision reach every page render as the same array: packed once, by fields.
const packedByRows = new WeakMap<readonly object[], Map<string, string>>();

/** Rows to packed columns, for the given fields (the rows must not change afterwards: the text is reused). */
export function packColumns<T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[], codecs: Partial<Record<K, ColumnCodec>> = {}): PackedColumns<Pick<T, K>> {
  const memoKey = JSON.stringify([keys, codecs]);
  let packed = packedByRows.get(rows);
  let text = packed?.get(memoKey);
  if (text === undefined) {
    const columns: Record<string, unknown> = toColumns(rows, keys);
    for (const [key, codec] of Object.entries(codecs) as [string, ColumnCodec][]) columns[key] = (columns[key] as unknown[]).map(encode[codec]);
    text = JSON.stringify(Object.keys(codecs).length ? { ...columns, [CODECS_KEY]: codecs } : columns);
    if (!packed) packedByRows.set(rows, (packed = new Map()));
    packed.set(memoKey, text);
  }
  return text as PackedColumns<Pick<T, K>>;
}

/** Packed columns back to rows. */
export function unpackColumns<T extends object>(packed: PackedColumns<T>): T[] {
  const { [CODECS_KEY]: codecs = {}, ...columns } = JSON.parse(packed) as Record<string, unknown[]> & { [CODECS_KEY]?: Record<string, ColumnCodec> };
  for (const [key, codec] of Object.entries(codecs)) if (columns[key]) columns[key] = columns[key].map(decode[codec]);
  return fromColumns(columns as Columns<T>);
}
