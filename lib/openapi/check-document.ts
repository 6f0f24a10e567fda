/**
 * A structural check of an OpenAPI 3.1 document: what a generated document most easily gets wrong.
 * Returns the problems found, as readable strings (empty when the document is sound).
 */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SCHEMA_ONE = ["items", "not", "additionalProperties", "propertyNames", "contains", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems"];

type Doc = Record<string, unknown>;

/** Resolves a local JSON pointer ("#/components/schemas/X") in the document. */
export function resolvePointer(doc: Doc, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!node || typeof node !== "object" || !(key in (node as Record<string, unknown>))) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Every problem of a JSON Schema node (2020-12 vocabulary), found recursively. */
export function checkSchema(doc: Doc, schema: unknown, at: string, out: string[]): void {
  if (typeof schema === "boolean") return;
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) {
    out.push(`${at}: a schema must be an object or a boolean`);
    return;
  }
  const s = schema as Record<string, unknown>;
  if ("$ref" in s && (typeof s.$ref !== "string" || resolvePointer(doc, s.$ref) === undefined)) out.push(`${at}: $ref ${String(s.$ref)} does not resolve`);
  if ("type" in s) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.length === 0 || types.some((t) => typeof t !== "string" || !TYPES.has(t))) out.push(`${at}: unknown type ${JSON.stringify(s.type)}`);
  }
  if ("required" in s && (!Array.isArray(s.required) || s.required.some((r) => typeof r !== "string"))) out.push(`${at}: required must be an array of strings`);
  if ("enum" in s && !Array.isArray(s.enum)) out.push(`${at}: enum must be an array`);
  for (const k of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "multipleOf"]) {
    if (k in s && typeof s[k] !== "number") out.push(`${at}: ${k} must be a number`);
  }
  if ("pattern" in s) {
    try {
      new RegExp(String(s.pattern), "u");
    } catch {
      out.push(`${at}: pattern is not a valid regular expression`);
    }
  }
  for (const k of SCHEMA_MAPS) {
    if (!(k in s)) continue;
    if (!s[k] || typeof s[k] !== "object" || Array.isArray(s[k])) out.push(`${at}: ${k} must be an object`);
    else for (const [name, sub] of Object.entries(s[k] as Record<string, unknown>)) checkSchema(doc, sub, `${at}/${k}/${name}`, out);
  }
  for (const k of SCHEMA_LISTS) {
    if (!(k in s)) continue;
    if (!Array.isArray(s[k]) || (s[k] as unknown[]).length === 0) out.push(`${at}: ${k} must be a non-empty array`);
    else (s[k] as unknown[]).forEach((sub, i) => checkSchema(doc, sub, `${at}/${k}/${i}`, out));
  }
  for (const k of SCHEMA_ONE) if (k in s) checkSchema(doc, s[k], `${at}/${k}`, out);
}

/** Checks the document: info, paths and operations, parameters, bodies, responses, schemas and refs. */
export function checkOpenApiDocument(doc: Doc): string[] {
  const out: string[] = [];
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.1.")) out.push("openapi must be 3.1.x");
  const info = doc.info as Record<string, unknown> | undefined;
  if (!info || typeof info.title !== "string" || typeof info.version !== "string") out.push("info needs a title and a version");
  const components = (doc.components ?? {}) as Record<string, Record<string, unknown>>;
  const schemes = Object.keys(components.securitySchemes ?? {});
  const ids = new Map<string, string>();
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/")) out.push(`${path}: a path starts with /`);
    const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of Object.keys(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!METHODS.includes(method)) {
        out.push(`${where}: unknown method`);
        continue;
      }
      const op = item[method] as Record<string, unknown>;
      if (typeof op.operationId !== "string" || !op.operationId) out.push(`${where}: no operationId`);
      else if (ids.has(op.operationId)) out.push(`${where}: operationId ${op.operationId} is also used by ${ids.get(op.operationId)}`);
      else ids.set(op.operationId, where);
      const params = ((op.parameters ?? []) as Record<string, unknown>[]).map((p) => (typeof p.$ref === "string" ? (resolvePointer(doc, p.$ref) as Record<string, unknown> | undefined) : p));
      params.forEach((p, i) => {
        if (!p) return out.push(`${where}: parameter ${i} is a $ref that does not resolve`);
        if (typeof p.name !== "string" || !["path", "query", "header", "cookie"].includes(String(p.in))) out.push(`${where}: parameter ${i} needs a name and a valid "in"`);
        if (p.in === "path" && p.required !== true) out.push(`${where}: path parameter ${String(p.name)} must be required`);
        if (!("schema" in p) && !("content" in p)) out.push(`${where}: parameter ${String(p.name)} has no schema`);
      });
      for (const name of placeholders) if (!params.some((p) => p?.in === "path" && p.name === name)) out.push(`${where}: path parameter {${name}} is not declared`);
      for (const p of params) if (p?.in === "path" && !placeholders.includes(String(p.name))) out.push(`${where}: path parameter ${String(p.name)} is not in the path`);
      const body = op.requestBody as Record<string, unknown> | undefined;
      if (body && (!body.content || Object.values(body.content as object).some((m) => !(m as object) || !("schema" in (m as object))))) out.push(`${where}: a request body needs a schema per media type`);
      const responses = op.responses as Record<string, Record<string, unknown>> | undefined;
      if (!responses || Object.keys(responses).length === 0) out.push(`${where}: no responses`);
      for (const [status, r] of Object.entries(responses ?? {})) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) out.push(`${where}: response key ${status} is not a status`);
        const resolved = typeof r.$ref === "string" ? (resolvePointer(doc, r.$ref) as Record<string, unknown> | undefined) : r;
        if (!resolved) out.push(`${where} ${status}: $ref ${String(r.$ref)} does not resolve`);
        else if (typeof resolved.description !== "string") out.push(`${where} ${status}: a response needs a description`);
      }
      for (const req of (op.security ?? []) as Record<string, unknown>[]) for (const name of Object.keys(req)) if (!schemes.includes(name)) out.push(`${where}: unknown security scheme ${name}`);
    }
  }
  // Every schema anywhere, and every $ref anywhere, wherever it sits in the document.
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (!node || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === "schema") checkSchema(doc, v, `${at}/schema`, out);
      if (k === "$ref" && (typeof v !== "string" || resolvePointer(doc, v) === undefined)) out.push(`${at}: $ref ${String(v)} does not resolve`);
      if (k !== "example") walk(v, `${at}/${k}`);
    }
  };
  walk(doc, "#");
  for (const [name, s] of Object.entries(components.schemas ?? {})) checkSchema(doc, s, `#/components/schemas/${name}`, out);
  return [...new Set(out)];
}
