import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hashToken } from "../../lib/auth/token-format";
import { apiRoute } from "../../lib/server/api/api-route";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createToken } from "../../lib/server/tokens/create-token";
import { revokeToken } from "../../lib/server/tokens/revoke-token";

// The one wrapper every /api/v1 route goes through, exercised with a real route built on it.
const createShelf = apiRoute(
  { permission: "ingest", body: z.object({ slug: z.string().regex(/^[a-z0-9-]+$/), title: z.string().min(1), team: z.string().min(1) }), maxBytes: 2_000 },
  async ({ body }) => {
    const shelf = await db().shelf.create({ data: body, select: { id: true, slug: true } });
    return { status: 201, body: shelf };
  },
);

const noParams = { params: Promise.resolve({}) };

function post(body: unknown, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/v1/test-shelves", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function token(scopes: ("ingest" | "gate" | "read")[]) {
  return (await createToken({ ctx: systemCtx("test"), input: { name: `t-${Math.random()}`, scopes } })).token;
}

const auth = (t: string) => ({ authorization: `Bearer ${t}` });

describe("API tokens", () => {
  it("are stored only as a SHA-256 hash", async () => {
    const created = await createToken({ ctx: systemCtx("test"), input: { name: "hashed", scopes: ["read"] } });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.token.startsWith(`sw_${row.prefix}_`)).toBe(true);
  });

  it("answer 401 without a token, with an unknown one, and once revoked", async () => {
    expect((await createShelf(post({ slug: "a", title: "A", team: "t" }), noParams)).status).toBe(401);
    expect((await createShelf(post({ slug: "a", title: "A", team: "t" }, auth("sw_nope_nope")), noParams)).status).toBe(401);
    const created = await createToken({ ctx: systemCtx("test"), input: { name: "to-revoke", scopes: ["ingest"] } });
    expect((await createShelf(post({ slug: "before-revoke", title: "A", team: "t" }, auth(created.token)), noParams)).status).toBe(201);
    await revokeToken({ ctx: systemCtx("test"), input: { id: created.id } });
    const res = await createShelf(post({ slug: "after-revoke", title: "A", team: "t" }, auth(created.token)), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/revoked/);
    expect(await db().shelf.count({ where: { slug: "after-revoke" } })).toBe(0);
  });

  it("answer 403 when the token lacks the route's scope", async () => {
    const res = await createShelf(post({ slug: "wrong-scope", title: "A", team: "t" }, auth(await token(["read", "gate"]))), noParams);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  });

  it("record when they were last used", async () => {
    const created = await createToken({ ctx: systemCtx("test"), input: { name: "used", scopes: ["ingest"] } });
    await createShelf(post({ slug: "last-used", title: "A", team: "t" }, auth(created.token)), noParams);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("request validation", () => {
  it("answers 400 naming every field at fault", async () => {
    const res = await createShelf(post({ slug: "Not A Slug", team: "" }, auth(await token(["ingest"]))), noParams);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("INVALID_REQUEST");
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["slug", "team", "title"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await createShelf(post("{not json", auth(await token(["ingest"]))), noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/not valid JSON/);
  });

  it("answers 413 past the size limit and writes nothing", async () => {
    const res = await createShelf(post({ slug: "big", title: "x".repeat(5_000), team: "t" }, auth(await token(["ingest"]))), noParams);
    expect(res.status).toBe(413);
    expect(await db().shelf.count({ where: { slug: "big" } })).toBe(0);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response and writes once", async () => {
    const t = await token(["ingest"]);
    const headers = { ...auth(t), "idempotency-key": "register-shelf-1" };
    const first = await createShelf(post({ slug: "idem", title: "A", team: "t" }, headers), noParams);
    const second = await createShelf(post({ slug: "idem", title: "A", team: "t" }, headers), noParams);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await db().shelf.count({ where: { slug: "idem" } })).toBe(1);
  });

  it("refuses the same key for a different request", async () => {
    const t = await token(["ingest"]);
    const headers = { ...auth(t), "idempotency-key": "reused-key" };
    await createShelf(post({ slug: "idem-a", title: "A", team: "t" }, headers), noParams);
    const res = await createShelf(post({ slug: "idem-b", title: "B", team: "t" }, headers), noParams);
    expect(res.status).toBe(409);
    expect(await db().shelf.count({ where: { slug: "idem-b" } })).toBe(0);
  });

  it("frees the key when the request failed, so a retry can succeed", async () => {
    const t = await token(["ingest"]);
    const headers = { ...auth(t), "idempotency-key": "retry-after-failure" };
    await db().shelf.create({ data: { slug: "taken", title: "T", team: "t" } });
    const failed = await createShelf(post({ slug: "taken", title: "A", team: "t" }, headers), noParams);
    expect(failed.status).toBe(500);
    await db().shelf.delete({ where: { slug: "taken" } });
    const retried = await createShelf(post({ slug: "taken", title: "A", team: "t" }, headers), noParams);
    expect(retried.status).toBe(201);
  });

  it("keeps keys per caller: another token's same key is its own", async () => {
    const headers = (t: string) => ({ ...auth(t), "idempotency-key": "shared-name" });
    expect((await createShelf(post({ slug: "caller-a", title: "A", team: "t" }, headers(await token(["ingest"]))), noParams)).status).toBe(201);
    expect((await createShelf(post({ slug: "caller-b", title: "B", team: "t" }, headers(await token(["ingest"]))), noParams)).status).toBe(201);
  });
});
