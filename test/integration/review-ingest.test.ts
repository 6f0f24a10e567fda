import { beforeAll, describe, expect, it } from "vitest";
import { POST as postCatalog } from "../../app/api/v1/catalog/items/route";
import { GET as getListenerSamples } from "../../app/api/v1/models/[model]/versions/[version]/samples/[listener]/route";
import { POST as postSamples } from "../../app/api/v1/models/[model]/versions/[version]/samples/route";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { ingestSamples } from "../../lib/server/review/ingest-samples";
import { apiRequest, catalog, ranked, reviewModel, routeParams, token, userCtx } from "./review-fixtures";

let ingestToken: string;
let readToken: string;

beforeAll(async () => {
  ingestToken = await token(["ingest", "read"]);
  readToken = await token(["read"]);
});

async function counts() {
  const [listeners, items, samples] = await Promise.all([db().listener.count(), db().item.count(), db().recommendationSample.count()]);
  return { listeners, items, samples };
}

const samplesPath = (model: string, version: number) => `/api/v1/models/${model}/versions/${version}/samples`;
const post = (model: string, version: number, body: unknown, t = ingestToken, headers: Record<string, string> = {}) =>
  postSamples(apiRequest(samplesPath(model, version), { method: "POST", token: t, body, headers }), routeParams({ model, version: String(version) }));

describe("POST /api/v1/catalog/items", () => {
  it("upserts items by URI and reports what changed; a second identical batch writes nothing", async () => {
    const items = catalog("cat", 3);
    const first = await postCatalog(apiRequest("/api/v1/catalog/items", { method: "POST", token: ingestToken, body: { items } }), routeParams({}));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0 });
    const again = await postCatalog(apiRequest("/api/v1/catalog/items", { method: "POST", token: ingestToken, body: { items: [...items.slice(0, 2), { ...items[2]!, title: "Renamed" }] } }), routeParams({}));
    expect(await again.json()).toEqual({ received: 3, created: 0, updated: 1, unchanged: 2 });
    expect((await db().item.findUnique({ where: { uri: "item:cat-2" }, select: { title: true } }))?.title).toBe("Renamed");
  });

  it("answers 400 with the fields at fault, and 403 to a token without the ingest scope", async () => {
    const bad = await postCatalog(apiRequest("/api/v1/catalog/items", { method: "POST", token: ingestToken, body: { items: [{ uri: "x", type: "vinyl", title: "" }] } }), routeParams({}));
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["items.0.type", "items.0.title"]));
    const forbidden = await postCatalog(apiRequest("/api/v1/catalog/items", { method: "POST", token: readToken, body: { items: catalog("ro", 1) } }), routeParams({}));
    expect(forbidden.status).toBe(403);
  });
});

describe("POST /api/v1/models/{model}/versions/{version}/samples", () => {
  it("stores each listener's list in rank order with scores and reasons, upserting catalogue and listeners", async () => {
    const { model } = await reviewModel();
    const list = ranked("s1", [0, 1, 2, 3]).reverse(); // sent out of order: the rank decides
    const res = await post(model.name, 2, {
      catalog: catalog("s1", 4),
      samples: [
        { listener: { id: "l-s1-a", isNew: true, country: "se", topGenres: ["comedy"], recentListens: ["item:s1-2"] }, items: list },
        { listener: { id: "l-s1-b" }, items: ranked("s1", [3, 2]) },
      ],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ model: model.name, version: 2, listeners: 2, items: 6, catalog: { created: 4 } });

    const got = await getListenerSamples(apiRequest(`${samplesPath(model.name, 2)}/l-s1-a`, { token: readToken }), routeParams({ model: model.name, version: "2", listener: "l-s1-a" }));
    expect(got.status).toBe(200);
    const body = await got.json();
    expect(body.listener).toEqual({ id: "l-s1-a", isNew: true, country: "SE", topGenres: ["comedy"], recentListens: ["item:s1-2"] });
    expect(body.items.map((i: { uri: string; rank: number; score: number; reason: string }) => [i.rank, i.uri, i.score, i.reason])).toEqual([
      [1, "item:s1-0", 1, "reason 0"],
      [2, "item:s1-1", 0.99, "reason 1"],
      [3, "item:s1-2", 0.98, "reason 2"],
      [4, "item:s1-3", 0.97, "reason 3"],
    ]);
  });

  it("replaces a listener's list when the version is sampled again, and refers to known listeners by id", async () => {
    const { model } = await reviewModel();
    await post(model.name, 1, { catalog: catalog("s2", 3), samples: [{ listener: { id: "l-s2" }, items: ranked("s2", [0, 1]) }] });
    const res = await post(model.name, 1, { samples: [{ listener: "l-s2", items: ranked("s2", [2]) }] });
    expect(res.status).toBe(201);
    const rows = await db().recommendationSample.findMany({ where: { listener: { externalId: "l-s2" } }, select: { itemIds: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.itemIds).toHaveLength(1);
  });

  it("rejects ranks with gaps or duplicates with 400 and the fields at fault, storing nothing", async () => {
    const { model } = await reviewModel();
    const before = await counts();
    const res = await post(model.name, 2, {
      catalog: catalog("s3", 4),
      samples: [
        { listener: { id: "l-s3-a" }, items: [{ uri: "item:s3-0", rank: 1, score: 1 }, { uri: "item:s3-1", rank: 1, score: 0.5 }] },
        { listener: { id: "l-s3-b" }, items: [{ uri: "item:s3-0", rank: 1, score: 1 }, { uri: "item:s3-1", rank: 3, score: 0.5 }] },
        { listener: { id: "l-s3-a" }, items: [] },
      ],
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("INVALID_REQUEST");
    const byPath = Object.fromEntries(error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath["samples.0.items.1.rank"]).toMatch(/rank 1 is also given to item 0/);
    expect(byPath["samples.1.items.1.rank"]).toMatch(/rank 3 is beyond the 2 items.*missing: 2/);
    expect(byPath["samples.2.listener"]).toMatch(/also at samples.0/);
    expect(await counts()).toEqual(before);
  });

  it("is all or nothing: one unknown item URI rejects the whole batch, catalogue and listeners included", async () => {
    const { model } = await reviewModel();
    const before = await counts();
    const res = await post(model.name, 2, {
      catalog: catalog("s4", 2),
      samples: [
        { listener: { id: "l-s4-a" }, items: ranked("s4", [0, 1]) },
        { listener: { id: "l-s4-b" }, items: [...ranked("s4", [1]), { uri: "item:nowhere", rank: 2, score: 0.1 }] },
        { listener: "l-never-seen", items: ranked("s4", [0]) },
      ],
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toMatch(/Nothing was stored/);
    expect(error.fields).toEqual([
      { path: "samples.1.items.1.uri", message: expect.stringMatching(/unknown item "item:nowhere"/) },
      { path: "samples.2.listener", message: expect.stringMatching(/unknown listener "l-never-seen"/) },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("answers 401 without a token, 403 to a read-only token or a viewer, 404 for an unknown version", async () => {
    const { model } = await reviewModel();
    const body = { catalog: catalog("s5", 1), samples: [{ listener: { id: "l-s5" }, items: ranked("s5", [0]) }] };
    const anonymous = await postSamples(apiRequest(samplesPath(model.name, 2), { method: "POST", body }), routeParams({ model: model.name, version: "2" }));
    expect(anonymous.status).toBe(401);
    expect((await post(model.name, 2, body, readToken)).status).toBe(403);
    await expect(ingestSamples({ ctx: await userCtx("viewer"), input: { model: model.name, version: 2, body } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ingestSamples({ ctx: await userCtx("reviewer"), input: { model: model.name, version: 2, body } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const missing = await post(model.name, 9, body);
    expect(missing.status).toBe(404);
    expect((await post("no-such-model", 1, body)).status).toBe(404);
  });

  it("replays a request sent twice with the same Idempotency-Key instead of writing it again", async () => {
    const { model } = await reviewModel();
    const body = { catalog: catalog("s6", 2), samples: [{ listener: { id: "l-s6" }, items: ranked("s6", [1, 0]) }] };
    const headers = { "idempotency-key": "samples-s6-1" };
    const first = await post(model.name, 2, body, ingestToken, headers);
    const auditAfterFirst = await db().auditEvent.count({ where: { action: "samples.ingested" } });
    const second = await post(model.name, 2, body, ingestToken, headers);
    expect(second.status).toBe(first.status);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await db().auditEvent.count({ where: { action: "samples.ingested" } })).toBe(auditAfterFirst);
  });

  it("keeps quotes, backslashes, commas, braces and empty strings in lists intact, and refuses control characters", async () => {
    const { model } = await reviewModel();
    const odd = ['say "hi"', "back\\slash", "a,b", "{x}", "NULL", ""];
    const res = await post(model.name, 2, {
      catalog: [{ uri: "item:odd", type: "album", title: "Odd", genres: odd.filter(Boolean) }],
      samples: [
        { listener: { id: "l-odd", topGenres: odd.filter(Boolean), recentListens: ["item:odd", 'x"y'] }, items: [{ uri: "item:odd", rank: 1, score: 0.5, reason: "" }] },
        { listener: { id: "l-odd-2" }, items: [{ uri: "item:odd", rank: 1, score: 1e-7, reason: 'because "odd", {really}' }] },
      ],
    });
    expect(res.status).toBe(201);
    expect((await db().item.findUniqueOrThrow({ where: { uri: "item:odd" }, select: { genres: true } })).genres).toEqual(odd.filter(Boolean));
    expect(await db().listener.findUniqueOrThrow({ where: { externalId: "l-odd" }, select: { topGenres: true, recentListens: true } })).toEqual({ topGenres: odd.filter(Boolean), recentListens: ["item:odd", 'x"y'] });
    const samples = await db().recommendationSample.findMany({ where: { listener: { externalId: { in: ["l-odd", "l-odd-2"] } } }, orderBy: { listenerId: "asc" }, select: { reasons: true, scores: true } });
    expect(samples).toEqual([{ reasons: [""], scores: [0.5] }, { reasons: ['because "odd", {really}'], scores: [1e-7] }]);

    const bad = await post(model.name, 2, { samples: [{ listener: { id: "l-ctl", topGenres: ["a\u001fb"] }, items: [{ uri: "item:odd", rank: 1, score: 1, reason: "nul\u0000" }] }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(["samples.0.listener.topGenres.0", "samples.0.items.0.reason"]);
  });

  it("stores ingested strings verbatim (they are rendered as text, never interpreted)", async () => {
    const { model } = await reviewModel();
    const title = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
    const res = await ingestSamples({
      ctx: systemCtx("test"),
      input: { model: model.name, version: 2, body: { catalog: [{ uri: "item:xss", type: "podcast", title, imageUrl: "javascript:alert(1)" }], samples: [{ listener: { id: "l-xss" }, items: [{ uri: "item:xss", rank: 1, score: 1 }] }] } },
    });
    expect(res.items).toBe(1);
    expect(await db().item.findUnique({ where: { uri: "item:xss" }, select: { title: true, imageUrl: true } })).toEqual({ title, imageUrl: "javascript:alert(1)" });
  });
});
