import { PERMISSIONS } from "../auth/permissions";
import { objectProperties, toJsonSchema, type JsonSchema } from "./json-schema";
import type { RouteDoc, TagDoc } from "./types";

export type OpenApiDocument = Record<string, unknown> & { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>>; components: Record<string, Record<string, unknown>> };

/** The error answers every operation may document, by status. */
export const ERRORS: Record<number, { name: string; code: string; description: string }> = {
  400: { name: "InvalidRequest", code: "INVALID_REQUEST", description: "The request is not valid: `error.fields` names every field at fault (dotted paths such as `evaluations.3.value`). Nothing was written." },
  401: { name: "Unauthenticated", code: "UNAUTHENTICATED", description: "No token, an unknown one, or a revoked or expired one. Send `Authorization: Bearer <token>`." },
  403: { name: "Forbidden", code: "FORBIDDEN", description: "The token lacks the scope this operation needs (or the user lacks the role)." },
  404: { name: "NotFound", code: "NOT_FOUND", description: "A model, version or other resource named in the path does not exist." },
  409: { name: "Conflict", code: "CONFLICT", description: "The request conflicts with the current state, or its Idempotency-Key was used for a different request or is still in flight." },
  413: { name: "PayloadTooLarge", code: "PAYLOAD_TOO_LARGE", description: "The body is larger than the server accepts (64 MiB by default); split the batch." },
};

const WRITE = new Set(["post", "put", "patch", "delete"]);

/** The error statuses an operation documents: its own plus those every route of its kind has. */
export function errorStatuses(route: RouteDoc): number[] {
  const set = new Set(route.errors ?? []);
  if (route.permission !== null) [401, 403].forEach((s) => set.add(s));
  if (route.query || route.params || route.body) set.add(400);
  if (WRITE.has(route.method)) [400, 409, 413].forEach((s) => set.add(s));
  return [...set].sort();
}

/** Builds the OpenAPI 3.1 document of the HTTP API from the route registry. */
export function buildOpenApiDocument(routes: readonly RouteDoc[], tags: readonly TagDoc[], info: { version: string; description: string }): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {
    FieldError: { type: "object", required: ["path", "message"], properties: { path: { type: "string", description: "Dotted path of the field, `(root)` or `(body)`." }, message: { type: "string" } } },
    ErrorResponse: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["code", "message"],
          properties: {
            code: { type: "string", enum: [...Object.values(ERRORS).map((e) => e.code), "INTERNAL"] },
            message: { type: "string" },
            fields: { type: "array", items: { $ref: "#/components/schemas/FieldError" } },
          },
        },
      },
    },
  };
  const responses: Record<string, unknown> = {};
  for (const [status, e] of Object.entries(ERRORS)) {
    responses[e.name] = {
      description: e.description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" }, example: { error: { code: e.code, message: exampleMessage(Number(status)), ...(status === "400" ? { fields: [{ path: "evaluations.0.value", message: "Invalid input: expected number, received string" }] } : {}) } } } },
    };
  }

  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) {
    const op: Record<string, unknown> = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      description: describe(route),
      security: route.permission === null ? [] : [{ bearerAuth: scopeOf(route) ? [scopeOf(route)] : [] }],
      "x-shelfwatch-permission": route.permission,
      "x-shelfwatch-scope": scopeOf(route),
      "x-shelfwatch-roles": route.permission ? [...PERMISSIONS[route.permission].roles] : [],
    };
    const parameters: Record<string, unknown>[] = [];
    if (route.params) {
      for (const p of objectProperties(toJsonSchema(route.params, `${route.operationId}_path`, schemas))) parameters.push({ name: p.name, in: "path", required: true, schema: p.schema, ...(p.description ? { description: p.description } : {}) });
    }
    if (route.query) {
      for (const p of objectProperties(toJsonSchema(route.query, `${route.operationId}_query`, schemas))) parameters.push({ name: p.name, in: "query", required: p.required, schema: p.schema, ...(p.description ? { description: p.description } : {}) });
    }
    if (WRITE.has(route.method) && route.permission !== null) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
    if (parameters.length) op.parameters = parameters;
    if (route.body) {
      op.requestBody = {
        required: true,
        content: { [route.bodyContentType ?? "application/json"]: { schema: toJsonSchema(route.body, `${route.operationId}_body`, schemas), ...(route.bodyExample !== undefined ? { example: route.bodyExample } : {}) } },
      };
    }
    const answers: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      const media: Record<string, unknown> = {};
      if (r.schema) media.schema = toJsonSchema(r.schema, `${route.operationId}_${status}`, schemas);
      if (r.example !== undefined) media.example = r.example;
      answers[status] = { description: r.description, ...(r.schema || r.example !== undefined ? { content: { [r.contentType ?? "application/json"]: media } } : {}) };
    }
    for (const status of errorStatuses(route)) {
      const note = route.errorNotes?.[status];
      answers[String(status)] = note ? { ...(responses[ERRORS[status].name] as object), description: `${ERRORS[status].description} ${note}` } : { $ref: `#/components/responses/${ERRORS[status].name}` };
    }
    op.responses = answers;
    (paths[route.path] ??= {})[route.method] = op;
  }

  return {
    openapi: "3.1.0",
    info: { title: "Shelfwatch API", version: info.version, description: info.description },
    servers: [{ url: "/", description: "This Shelfwatch" }],
    tags: [...tags],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "sw_<prefix>_<secret>",
          description: "An API token created by an admin in Settings. Its scopes (`ingest`, `gate`, `read`) decide what it may call; each operation lists the scope it needs.",
        },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Any unique string (a UUID) per logical request. Sending the same request again with the same key returns the stored answer (header `Idempotency-Replayed: true`) instead of writing twice; retry with the same key after a timeout or a 5xx.",
          schema: { type: "string", maxLength: 200 },
        },
      },
      responses,
      schemas,
    },
  };
}

function scopeOf(route: RouteDoc): string | null {
  return route.permission ? PERMISSIONS[route.permission].scope : null;
}

function describe(route: RouteDoc): string {
  const lines = [route.description ?? route.summary];
  if (route.permission === null) lines.push("", "Public: no token needed.");
  else {
    const scope = scopeOf(route);
    const roles = PERMISSIONS[route.permission].roles.join(", ");
    lines.push("", scope ? `Requires a token with the \`${scope}\` scope (or a signed-in ${roles}).` : `Not available to tokens: a signed-in ${roles} only.`);
  }
  return lines.join("\n");
}

function exampleMessage(status: number): string {
  return (
    { 400: "The request body is not valid.", 401: "Send an API token as `Authorization: Bearer <token>`.", 403: "token:nightly may not ingest.", 404: "No model podcast-modle.", 409: "Version 53 of podcast-model already exists with other fields.", 413: "The body is larger than 67108864 bytes." } as Record<number, string>
  )[status];
}
