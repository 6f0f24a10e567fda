import { z } from "zod";

export type JsonSchema = Record<string, unknown> | boolean;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends for a zod schema: the input
 * side of transforms and defaults. `$defs` are moved into `defs` under document-wide names, and their
 * references rewritten, because a `#/$defs/…` pointer would resolve against the OpenAPI document root.
 */
export function toJsonSchema(schema: z.ZodType, owner: string, defs: Record<string, JsonSchema>): JsonSchema {
  const raw = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", cycles: "ref", reused: "inline" }) as Record<string, unknown>;
  const { $schema: _ignored, $defs, ...root } = raw;
  const renamed = new Map<string, string>();
  const local = ($defs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, def] of Object.entries(local)) renamed.set(key, nameFor(def, `${owner}_${key.replace(/^_+/, "")}`, defs));
  const selfName = containsRef(root, "#") ? `${owner}_self` : null;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === "$ref" && typeof v === "string") out[k] = v === "#" ? `#/components/schemas/${selfName}` : v.replace(/^#\/\$defs\/(.+)$/, (_, name: string) => `#/components/schemas/${renamed.get(name) ?? name}`);
      else if ((k === "maximum" && v === MAX_SAFE) || (k === "minimum" && v === -MAX_SAFE)) continue;
      else out[k] = rewrite(v);
    }
    return out;
  };
  for (const [key, def] of Object.entries(local)) defs[renamed.get(key)!] = rewrite(def) as JsonSchema;
  const result = rewrite(root) as JsonSchema;
  if (selfName) defs[selfName] = result;
  return result;
}

/** A definition's name: an identical one already hoisted is reused (z.json() appears in many bodies). */
function nameFor(def: Record<string, unknown>, fallback: string, defs: Record<string, JsonSchema>): string {
  const isJson = JSON.stringify(def).includes('"type":"null"') && JSON.stringify(def).includes('"type":"array"') && Array.isArray(def.anyOf) && def.anyOf.length === 6;
  if (isJson) return "JsonValue";
  return fallback;
}

function containsRef(node: unknown, target: string): boolean {
  if (Array.isArray(node)) return node.some((n) => containsRef(n, target));
  if (!node || typeof node !== "object") return false;
  return Object.entries(node as Record<string, unknown>).some(([k, v]) => (k === "$ref" && v === target) || containsRef(v, target));
}

/** The properties of an object schema (for path and query parameters), with which are required. */
export function objectProperties(schema: JsonSchema): { name: string; schema: JsonSchema; required: boolean; description?: string }[] {
  if (typeof schema !== "object" || schema.type !== "object") return [];
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, schema: rest, required: required.has(name), ...(typeof description === "string" ? { description } : {}) };
  });
}
