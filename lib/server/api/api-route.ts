import "server-only";
import type { z } from "zod";
import type { Permission } from "../../auth/permissions";
import { env } from "../../env";
import { withRequestMetrics } from "../../metrics/with-request-metrics";
import { getSessionCtx } from "../auth/session";
import { requireRole, type Ctx } from "../context";
import { AppError, fieldErrors, HTTP_STATUS } from "../errors";
import { authenticateToken } from "../tokens/authenticate-token";
import { claimIdempotencyKey, completeIdempotencyKey, differentRequest, releaseIdempotencyKey, requestFingerprint, streamingFingerprint } from "./idempotency";
import { drainBody, readBodyText, tapBody } from "./read-body";

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

      // The fingerprint covers method, path, query and body: the same key with another query or body is a conflict.
      const target = `${url.pathname}${url.search}`;
      let served = request;
      let streamed: ReturnType<typeof streamingFingerprint> | null = null;
      const key = request.headers.get("idempotency-key");
      if (key && ctx && WRITE_METHODS.has(request.method)) {
        if (key.length > 200) throw new AppError("INVALID_REQUEST", "Idempotency-Key is longer than 200 characters.", [{ path: "Idempotency-Key", message: "too long" }]);
        const actor = ctx.actor.kind === "token" ? `token:${ctx.actor.id}` : ctx.actor.kind === "user" ? `user:${ctx.actor.id}` : "system";
        if (options.rawBody) {
          // A streamed body is hashed as the handler reads it; a replay reads its own body through before
          // the stored answer is given, so that another upload under the same key is refused.
          const claim = await claimIdempotencyKey(actor, key, request.method, url.pathname, null);
          if (claim.kind === "replay") {
            const replayed = streamingFingerprint(request.method, target);
            await drainBody(request, maxBytes, replayed.update);
            if (replayed.digest() !== claim.requestHash) throw differentRequest();
            return json(claim.response.status, claim.response.body, { "Idempotency-Replayed": "true" });
          }
          streamed = streamingFingerprint(request.method, target);
          served = tapBody(request, streamed.update);
        } else {
          const claim = await claimIdempotencyKey(actor, key, request.method, url.pathname, requestFingerprint(request.method, target, bodyText));
          if (claim.kind === "replay") return json(claim.response.status, claim.response.body, { "Idempotency-Replayed": "true" });
        }
        idempotency = { actor, key };
      }

      const result = await handler({ ctx: ctx ?? anonymous(now), body, params, query, request: served, maxBytes });
      const status = result.status ?? 200;
      if (idempotency) await completeIdempotencyKey(idempotency.actor, idempotency.key, { status, body: result.body }, streamed?.digest());
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
