// Small readers for untrusted JSON that fail with the path of the offending field
// (`datasets[0].features[3].num_stats.histograms[0].buckets[2].sample_count: expected a
// number`), so that the API can answer 400 with the field at fault.

import { ProfileFormatError } from "./errors";

export type JsonObject = Record<string, unknown>;

/** Joins a parent path and a key ("" is the document root). */
export function at(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

const label = (path: string): string => path || "$";

/** Throws a ProfileFormatError for `path`. */
export function fail(path: string, problem: string): never {
  throw new ProfileFormatError(label(path), problem);
}

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON object, or a ProfileFormatError at `path`. */
export function readObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) fail(path, "expected an object");
  return value;
}

/** A JSON array, or a ProfileFormatError at `path`. */
export function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, "expected an array");
  return value;
}

/** A JSON string, or a ProfileFormatError at `path`. */
export function readString(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, "expected a string");
  return value;
}

/** A finite JSON number. */
export function readFinite(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(path, "expected a number");
  return value;
}

/** A finite number ≥ 0. */
export function readCount(value: unknown, path: string): number {
  const n = readFinite(value, path);
  if (n < 0) fail(path, "expected a non-negative number");
  return n;
}

/** An integer in [min, max]. */
export function readInteger(value: unknown, path: string, min: number, max: number): number {
  const n = readFinite(value, path);
  if (!Number.isInteger(n) || n < min || n > max) fail(path, `expected an integer from ${min} to ${max}`);
  return n;
}

/** A finite number or null. */
export function readNullableFinite(value: unknown, path: string): number | null {
  return value === null ? null : readFinite(value, path);
}

/** A proto3 JSON field, under its proto name or its lowerCamelCase JSON name. */
export function field(obj: JsonObject, name: string, path: string): { value: unknown; path: string } {
  if (Object.hasOwn(obj, name)) return { value: obj[name], path: at(path, name) };
  const camel = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (camel !== name && Object.hasOwn(obj, camel)) return { value: obj[camel], path: at(path, camel) };
  return { value: undefined, path: at(path, name) };
}

/** proto3 JSON double: a number, or "Infinity", "-Infinity", "NaN" or a numeric string; absent = 0. */
export function readProtoDouble(value: unknown, path: string): number {
  if (value === undefined) return 0;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    if (value === "Infinity") return Infinity;
    if (value === "-Infinity") return -Infinity;
    if (value === "NaN") return NaN;
    if (/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  }
  return fail(path, "expected a number");
}

/** proto3 JSON (u)int64: a decimal string or an integral number; absent = 0. */
export function readProtoInt(value: unknown, path: string, unsigned: boolean): number {
  if (value === undefined) return 0;
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) return fail(path, "expected an integer");
  if (unsigned && n < 0) return fail(path, "expected a non-negative integer");
  return n;
}

/** proto3 JSON enum: its name or its number; absent = the first value. */
export function readProtoEnum<T extends string>(value: unknown, path: string, names: readonly T[]): T {
  if (value === undefined) return names[0];
  if (typeof value === "string" && (names as readonly string[]).includes(value)) return value as T;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < names.length) return names[value];
  return fail(path, `expected one of ${names.join(", ")}`);
}
