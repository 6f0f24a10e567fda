import type { z } from "zod";
import type { Permission } from "../auth/permissions";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** One documented answer of an operation. */
export type ResponseDoc = {
  description: string;
  /** A zod schema of the body, when the data layer has one. */
  schema?: z.ZodType;
  example?: unknown;
  /** Defaults to application/json. */
  contentType?: string;
};

/** One operation of the HTTP API, described with the same zod schemas its route handler validates with. */
export type RouteDoc = {
  method: HttpMethod;
  /** OpenAPI path with `{param}` placeholders, from the site root: "/api/v1/models/{model}/versions". */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** The permission the route checks (its token scope and roles are derived from it); null = public. */
  permission: Permission | null;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyContentType?: string;
  bodyExample?: unknown;
  /** Success answers by status. */
  responses: Record<number, ResponseDoc>;
  /** Error answers besides those every route of its kind has (401/403 with auth; 400/409/413 for writes). */
  errors?: number[];
  /** Extra explanation per error status ("409: the version already exists with other fields"). */
  errorNotes?: Partial<Record<number, string>>;
};

export type TagDoc = { name: string; description: string };
