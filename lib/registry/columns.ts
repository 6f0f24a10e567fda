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
 * - "day" writes UTC-midnight timestamps as day numbers;
 * - "flag" writes booleans as 1 and 0;
 * - "steps" writes integers as the step from the previous one (versions and days climb by small steps);
 * - "sig6" rounds numbers to 6 significant digits, whole numbers kept whole: finer than a chart can draw
 *   or its tooltip shows, and it is the one spelling not undone;
 * - "enum" writes a column of few distinct values (a reason, a status) as those values once and an index
 *   per row (it comes last in a list).
 * A column may take several, applied in order (and undone in reverse).
 */
export type ColumnCodec = "day" | "flag" | "steps" | "sig6" | "enum";
const DAY_MS = 86_400_000;
// A column's values in, its packed form out (an array, but for "enum"), and back.
type Transform = (column: unknown) => unknown;
const each = (f: (v: unknown) => unknown): Transform => (column) => (column as unknown[]).map(f);
const steps = (sign: 1 | -1): Transform => (column) => {
  let previous = 0;
  return (column as unknown[]).map((v) => {
    if (typeof v !== "number") return v;
    const out = sign === 1 ? v - previous : previous + v;
    previous = sign === 1 ? v : out;
    return out;
  });
};
function sig6(v: unknown): unknown {
  if (typeof v !== "number" || !Number.isFinite(v) || v === 0 || Number.isInteger(v)) return v;
  const decimals = 5 - Math.floor(Math.log10(Math.abs(v)));
  if (decimals <= 0) return Math.round(v);
  return decimals > 20 ? Number(v.toPrecision(6)) : Number(v.toFixed(decimals));
}
const encode: Record<ColumnCodec, Transform> = {
  day: each((v) => (typeof v === "number" ? Math.round(v / DAY_MS) : v)),
  flag: each((v) => (typeof v === "boolean" ? (v ? 1 : 0) : v)),
  steps: steps(1),
  sig6: each(sig6),
  enum: (column) => {
    const values = column as unknown[];
    const distinct = [...new Set(values)];
    const index = new Map(distinct.map((v, i) => [v, i]));
    return { values: distinct, index: values.map((v) => index.get(v)) };
  },
};
const decode: Record<ColumnCodec, Transform> = {
  day: each((v) => (typeof v === "number" ? v * DAY_MS : v)),
  flag: each((v) => (v === 1 ? true : v === 0 ? false : v)),
  steps: steps(-1),
  sig6: (column) => column,
  enum: (column) => {
    const { values, index } = column as { values: unknown[]; index: number[] };
    return index.map((i) => values[i]);
  },
};
type Codecs = ColumnCodec | readonly ColumnCodec[];
const asList = (codecs: Codecs): readonly ColumnCodec[] => (typeof codecs === "string" ? [codecs] : codecs);
const CODECS_KEY = "$codecs";

// Series kept per model revision reach every page render as the same array: packed once, by fields.
const packedByRows = new WeakMap<readonly object[], Map<string, string>>();

/** Rows to packed columns, for the given fields (the rows must not change afterwards: the text is reused). */
export function packColumns<T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[], codecs: Partial<Record<K, Codecs>> = {}): PackedColumns<Pick<T, K>> {
  const memoKey = JSON.stringify([keys, codecs]);
  let packed = packedByRows.get(rows);
  let text = packed?.get(memoKey);
  if (text === undefined) {
    const columns: Record<string, unknown> = toColumns(rows, keys);
    for (const [key, list] of Object.entries(codecs) as [string, Codecs][]) for (const codec of asList(list)) columns[key] = encode[codec](columns[key]);
    text = JSON.stringify(Object.keys(codecs).length ? { ...columns, [CODECS_KEY]: codecs } : columns);
    if (!packed) packedByRows.set(rows, (packed = new Map()));
    packed.set(memoKey, text);
  }
  return text as PackedColumns<Pick<T, K>>;
}

/** Packed columns back to rows. */
export function unpackColumns<T extends object>(packed: PackedColumns<T>): T[] {
  const { [CODECS_KEY]: codecs = {}, ...columns } = JSON.parse(packed) as Record<string, unknown> & { [CODECS_KEY]?: Record<string, Codecs> };
  for (const [key, list] of Object.entries(codecs)) if (key in columns) for (const codec of [...asList(list)].reverse()) columns[key] = decode[codec](columns[key]);
  return fromColumns(columns as Columns<T>);
}
