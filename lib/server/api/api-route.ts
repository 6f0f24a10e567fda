import "server-only";
import type { z } from "zod";
import type { Permission } from "../../auth/permissions";
import { env } from "../../env";
import { withRequestMetrics } from "../../metrics/with-request-metrics";
import { getSessionCtx } from "../auth/session";
import { requireRole, type Ctx } from "../context";
import { AppError, fieldErrors, HTTP_STATUS } from "../errors";
import { authenticateToken } from "../tokens/authenticate-token";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestFingerprint } from "./idempotency";
import { readBodyText } from "./read-body";

export type ApiResult = { status?: number; body: unknown; headers?: Record<string, string> };

type RouteOptions<B, P, Q> = {
  /** What the caller needs (checked here first, then again in lib/server with the shelf); null = public. */
  permission: Permission | null;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** The handler reads the body itself (NDJSON streams); the wrapper still enforces the size limit. */
  rawBody?: boolean;
  maxBytes?: number;
};

type HandlerArgs<B, P, Q> = { ctx: Ctx; body: B; params: P; query: Q; request: Request; maxBytes: number };

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper of every /api/v1 route: bearer token (or the browser's session) → 401/403, body size
 * → 413, zod parse → 400 with the fields at fault, AppError → its status, and Idempotency-Key replays.
 */
export function apiRoute<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  options: RouteOptions<B, P, Q>,
  handler: (args: HandlerArgs<B, P, Q>) => Promise<ApiResult>,
) {
  return withRequestMetrics(async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    let idempotency: { actor: string; key: string } | null = null;
    try {
      const now = new Date();
      const ctx = options.permission === null ? null : await authenticate(request, now);
      if (ctx && options.permission) requireRole(ctx, options.permission);

      const params = parse(options.params, await context.params, "path") as P;
      const url = new URL(request.url);
      const query = parse(options.query, Object.fromEntries(url.searchParams), "query") as Q;
      const maxBytes = options.maxBytes ?? env().maxBodyBytes;

      let bodyText = "";
      let body = undefined as B;
      if (!options.rawBody && WRITE_METHODS.has(request.method)) {
        bodyText = await readBodyText(request, maxBytes);
        body = parse(options.body, parseJson(bodyText), "body") as B;
      }

      const key = request.headers.get("idempotency-key");
      if (key && ctx && WRITE_METHODS.has(request.method)) {
        if (key.length > 200) throw new AppError("INVALID_REQUEST", "Idempotency-Key is longer than 200 characters.", [{ path: "Idempotency-Key", message: "too long" }]);
        const actor = ctx.actor.kind === "token" ? `token:${ctx.actor.id}` : ctx.actor.kind === "user" ? `user:${ctx.actor.id}` : "system";
        const stored = await claimIdempotencyKey(actor, key, request.method, url.pathname, requestFingerprint(request.method, url.pathname, bodyText));
        if (stored) return json(stored.status, stored.body, { "Idempotency-Replayed": "true" });
        idempotency = { actor, key };
      }

      const result = await handler({ ctx: ctx ?? anonymous(now), body, params, query, request, maxBytes });
      const status = result.status ?? 200;
      if (idempotency) await completeIdempotencyKey(idempotency.actor, idempotency.key, { status, body: result.body });
      return json(status, result.body, result.headers);
    } catch (error) {
      if (idempotency) await releaseIdempotencyKey(idempotency.actor, idempotency.key).catch(() => {});
      return errorResponse(error);
    }
  });
}

async function authenticate(request: Request, now: Date): Promise<Ctx> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("UNAUTHENTICATED", "The Authorization header must be `Bearer <token>`.");
    return authenticateToken({ token: match[1], now });
  }
  const session = await getSessionCtx(request.headers);
  if (!session) throw new AppError("UNAUTHENTICATED", "Send an API token as `Authorization: Bearer <token>`.");
  return session;
}

function anonymous(now: Date): Ctx {
  return { actor: { kind: "system", name: "anonymous" }, now };
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_REQUEST", `The body is not valid JSON: ${(error as Error).message}`, [{ path: "(body)", message: "invalid JSON" }]);
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T | undefined {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_REQUEST", `The request ${where} is not valid.`, fieldErrors(parsed.error.issues));
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** Maps any error to the API's JSON error body; unexpected ones are logged and hidden. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const status = HTTP_STATUS[error.code];
    const headers: Record<string, string> = status === 401 ? { "www-authenticate": 'Bearer realm="shelfwatch"' } : {};
    return json(status, { error: { code: error.code, message: error.message, fields: error.fields } }, headers);
  }
  console.error("Unhandled API error", error);
  return json(500, { error: { code: "INTERNAL", message: "Something went wrong on the server." } });
}
