import { describe, expect, it } from "vitest";
import { GET as listAlertsRoute } from "../../app/api/v1/alerts/route";
import { acknowledgeAlert } from "../../lib/server/alerts/acknowledge-alert";
import { clearAlert } from "../../lib/server/alerts/clear-alert";
import { listAlerts } from "../../lib/server/alerts/list-alerts";
import { raiseAlert } from "../../lib/server/alerts/raise-alert";
import { resolveAlert } from "../../lib/server/alerts/resolve-alert";
import { systemCtx, type Ctx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createToken } from "../../lib/server/tokens/create-token";
import { shelfWithModel, userCtx } from "../support/alert-fixtures";

const sys = () => systemCtx("test");

async function raise(ctx: Ctx, input: Parameters<typeof raiseAlert>[2]) {
  return db().$transaction((tx) => raiseAlert(tx, ctx, input));
}

describe("raising alerts", () => {
  it("keeps one live alert per kind and subject, with a count and the last sighting", async () => {
    const { model } = await shelfWithModel();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const first = await raise({ ...sys(), now: t0 }, { kind: "skew", subject: model.name, modelId: model.id, title: "Skew A" });
    const second = await raise({ ...sys(), now: new Date("2026-03-02T10:00:00Z") }, { kind: "skew", subject: model.name, modelId: model.id, title: "Skew B" });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ id: first.id, created: false, count: 2 });
    const row = await db().alert.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ count: 2, title: "Skew B", status: "open", openKey: `skew:${model.name}` });
    expect(row.firstSeenAt.toISOString()).toBe(t0.toISOString());
    expect(row.lastSeenAt.toISOString()).toBe("2026-03-02T10:00:00.000Z");
    // Another kind on the same subject is another alert.
    const drift = await raise(sys(), { kind: "drift", subject: model.name, modelId: model.id, title: "Drift" });
    expect(drift.id).not.toBe(first.id);
  });

  it("counts an occurrence once however often it is raised", async () => {
    const { model } = await shelfWithModel();
    const input = { kind: "skew" as const, subject: model.name, modelId: model.id, title: "Skew", occurrence: "report:1" };
    await raise(sys(), input);
    await raise(sys(), input);
    const third = await raise(sys(), { ...input, occurrence: "report:2" });
    expect(third.count).toBe(2);
  });

  it("stays one alert when many transactions raise it at once", async () => {
    const { model } = await shelfWithModel();
    const results = await Promise.all(Array.from({ length: 8 }, () => raise(sys(), { kind: "schema", subject: model.name, modelId: model.id, title: "Schema" })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await db().alert.findMany({ where: { subject: model.name, kind: "schema" } });
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(8);
  });

  it("records the shelf of the model, and an audit row only when the alert is new", async () => {
    const { shelf, model } = await shelfWithModel();
    const a = await raise(sys(), { kind: "missed_retrain", subject: model.name, modelId: model.id, title: "Late" });
    await raise(sys(), { kind: "missed_retrain", subject: model.name, modelId: model.id, title: "Late" });
    expect((await db().alert.findUniqueOrThrow({ where: { id: a.id } })).shelfId).toBe(shelf.id);
    expect(await db().auditEvent.count({ where: { action: "alert.raised", subjectId: String(a.id) } })).toBe(1);
  });

  it("leaves nothing behind when the caller's transaction rolls back", async () => {
    const { model } = await shelfWithModel();
    await expect(
      db().$transaction(async (tx) => {
        await raiseAlert(tx, sys(), { kind: "skew", subject: model.name, modelId: model.id, title: "Skew" });
        throw new Error("the report failed to save");
      }),
    ).rejects.toThrow(/failed to save/);
    expect(await db().alert.count({ where: { subject: model.name } })).toBe(0);
  });

  it("refuses an input without a subject, naming the field", async () => {
    await expect(raise(sys(), { kind: "skew", subject: " ", title: "x" })).rejects.toMatchObject({ code: "INVALID_REQUEST", fields: [expect.objectContaining({ path: "subject" })] });
  });

  it("raises a new alert after the previous one was resolved", async () => {
    const { model } = await shelfWithModel();
    const a = await raise(sys(), { kind: "skew", subject: model.name, modelId: model.id, title: "Skew" });
    const cleared = await db().$transaction((tx) => clearAlert(tx, sys(), { kind: "skew", subject: model.name, reason: "clean report" }));
    expect(cleared).toBe(a.id);
    expect(await db().$transaction((tx) => clearAlert(tx, sys(), { kind: "skew", subject: model.name }))).toBeNull();
    const b = await raise(sys(), { kind: "skew", subject: model.name, modelId: model.id, title: "Skew again" });
    expect(b.created).toBe(true);
    expect(b.id).not.toBe(a.id);
    expect((await db().alert.findUniqueOrThrow({ where: { id: a.id } })).resolvedBy).toBe("system:test");
  });
});

describe("acknowledging and resolving", () => {
  it("moves open → acknowledged → resolved with who and when, and refuses to repeat a step", async () => {
    const { model } = await shelfWithModel();
    const a = await raise(sys(), { kind: "drift", subject: model.name, modelId: model.id, title: "Drift" });
    const engineer = await userCtx("engineer");
    const ack = await acknowledgeAlert({ ctx: engineer, input: { id: a.id } });
    expect(ack).toMatchObject({ status: "acknowledged", by: (engineer.actor as { email: string }).email });
    await expect(acknowledgeAlert({ ctx: engineer, input: { id: a.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    // Still live: a new sighting bumps the acknowledged alert instead of opening another.
    const again = await raise(sys(), { kind: "drift", subject: model.name, modelId: model.id, title: "Drift" });
    expect(again).toMatchObject({ id: a.id, count: 2, status: "acknowledged" });
    await resolveAlert({ ctx: engineer, input: { id: a.id, note: "feature pipeline fixed" } });
    await expect(resolveAlert({ ctx: engineer, input: { id: a.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    const row = await db().alert.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ status: "resolved", openKey: null, acknowledgedBy: ack.by, resolvedBy: ack.by });
    const actions = await db().auditEvent.findMany({ where: { subjectType: "alert", subjectId: String(a.id) }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((x) => x.action)).toEqual(["alert.raised", "alert.acknowledged", "alert.resolved"]);
  });

  it("lets only people who handle alerts act on them", async () => {
    const { model } = await shelfWithModel();
    const a = await raise(sys(), { kind: "drift", subject: model.name, modelId: model.id, title: "Drift" });
    const viewer = await userCtx("viewer");
    await expect(acknowledgeAlert({ ctx: viewer, input: { id: a.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveAlert({ ctx: viewer, input: { id: a.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acknowledgeAlert({ ctx: await userCtx("reviewer"), input: { id: 999_999 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("acknowledges once when two people click at the same moment", async () => {
    const { model } = await shelfWithModel();
    const a = await raise(sys(), { kind: "drift", subject: model.name, modelId: model.id, title: "Drift" });
    const [x, y] = [await userCtx("engineer"), await userCtx("lead")];
    const results = await Promise.allSettled([acknowledgeAlert({ ctx: x, input: { id: a.id } }), acknowledgeAlert({ ctx: y, input: { id: a.id } })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "alert.acknowledged", subjectId: String(a.id) } })).toBe(1);
  });
});

describe("the inbox", () => {
  it("filters by status, kind and shelf, and counts what is live", async () => {
    const one = await shelfWithModel();
    const two = await shelfWithModel();
    const a = await raise(sys(), { kind: "skew", subject: one.model.name, modelId: one.model.id, title: "Skew one" });
    await raise(sys(), { kind: "drift", subject: one.model.name, modelId: one.model.id, title: "Drift one" });
    await raise(sys(), { kind: "skew", subject: two.model.name, modelId: two.model.id, title: "Skew two" });
    const viewer = await userCtx("viewer");
    await acknowledgeAlert({ ctx: await userCtx("engineer"), input: { id: a.id } });

    const live = await listAlerts({ ctx: viewer, input: { shelf: one.shelf.slug } });
    expect(live.items.map((i) => i.title)).toEqual(["Drift one", "Skew one"]); // open before acknowledged
    expect(live.counts).toEqual({ open: 1, acknowledged: 1, resolved: 0 });
    expect(live.liveByKind.skew).toBe(1);
    expect(live.items[1]).toMatchObject({ status: "acknowledged", shelf: { slug: one.shelf.slug }, model: one.model.name, link: `/shelves/${one.shelf.slug}/validation` });

    const skews = await listAlerts({ ctx: viewer, input: { kind: "skew", status: "open" } });
    expect(skews.items.map((i) => i.title)).toContain("Skew two");
    expect(skews.items.map((i) => i.title)).not.toContain("Skew one");
    const { counts } = await listAlerts({ ctx: viewer, input: {} });
    expect(counts.open).toBeGreaterThanOrEqual(2);
    expect(counts.acknowledged).toBeGreaterThanOrEqual(1);
  });

  it("is served at GET /api/v1/alerts to a token with the read scope", async () => {
    const { shelf, model } = await shelfWithModel();
    await raise(sys(), { kind: "gate_failure", subject: model.name, modelId: model.id, title: "Gate refused", details: { version: 3 } });
    const read = await createToken({ ctx: sys(), input: { name: "reader", scopes: ["read"] } });
    const ingest = await createToken({ ctx: sys(), input: { name: "ingester", scopes: ["ingest"] } });
    const call = (token: string, qs: string) =>
      listAlertsRoute(new Request(`http://localhost/api/v1/alerts?${qs}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const ok = await call(read.token, `shelf=${shelf.slug}&kind=gate_failure`);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ kind: "gate_failure", link: `/shelves/${shelf.slug}/versions/3` });
    expect((await call(ingest.token, "")).status).toBe(403);
    const bad = await call(read.token, "kind=nonsense&page=0");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["kind", "page"]);
  });
});
