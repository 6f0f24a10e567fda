import { describe, expect, it } from "vitest";
import { GET as productionRoute } from "../../app/api/v1/models/[model]/production/route";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { getProductionAt } from "../../lib/server/deployments/get-production-at";
import { listDeployments } from "../../lib/server/deployments/list-deployments";
import { rollbackProduction } from "../../lib/server/deployments/rollback-production";
import { approvePromotion } from "../../lib/server/promotions/approve-promotion";
import { requestPromotion } from "../../lib/server/promotions/request-promotion";
import { runPromotionGate } from "../../lib/server/promotions/run-promotion-gate";
import { createToken } from "../../lib/server/tokens/create-token";
import { at, productionOf, promotionFixture } from "./promotion-fixtures";

const DAY = 86_400_000;

describe("rollback", () => {
  it("puts back the previous version as a deployment with reason rollback, and sticks against a later automatic push", async () => {
    const f = await promotionFixture({ policy: { approvalsRequired: 0 } });
    const pipeline = { actor: { kind: "token" as const, id: 1, name: "weekly", scopes: ["gate" as const] }, now: new Date() };
    expect((await runPromotionGate({ ctx: pipeline, input: { model: f.model.name, version: 3 } })).outcome).toBe("deployed");

    const back = await rollbackProduction({ ctx: f.people.lead.ctx, input: { model: f.model.name, expectedProductionVersionId: f.v3.id, reason: "Stream rate fell after v3." } });
    expect(back).toMatchObject({ fromVersion: 3, toVersion: 2, reason: "rollback", actor: f.people.lead.email });
    expect(await productionOf(f.model.id)).toBe(2);

    // The nightly pipeline asks again: every check still passes, yet the gate refuses to bring v3 back.
    const later = { ...pipeline, now: new Date(Date.now() + 1000) };
    const again = await runPromotionGate({ ctx: later, input: { model: f.model.name, version: 3 } });
    expect(again.outcome).toBe("refused");
    expect(again.passed).toBe(true);
    expect(again.reasons[0]).toMatch(/v3 was rolled back .* by .*explicit request/);
    expect(await productionOf(f.model.id)).toBe(2);

    // A person asks for it explicitly: that lifts the block (with no approval required, it goes live).
    const explicit = await requestPromotion({ ctx: at(f.people.engineer, new Date(Date.now() + 2000)), input: { model: f.model.name, version: 3, reason: "Fixed the serving transform; v3 again." } });
    expect(explicit.outcome).toBe("deployed");
    expect(await productionOf(f.model.id)).toBe(3);
  });

  it("goes back to a chosen earlier version, refuses one never in production, and is guarded on what the lead saw", async () => {
    const f = await promotionFixture();
    const r = await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "go" } });
    await approvePromotion({ ctx: f.people.lead.ctx, input: { requestId: r.request!.id, candidateVersionId: f.v3.id, expectedProductionVersionId: f.v2.id } });
    const lead = f.people.lead.ctx;
    await expect(rollbackProduction({ ctx: lead, input: { model: f.model.name, toVersion: 1, expectedProductionVersionId: f.v2.id, reason: "stale form" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const v4 = await db().modelVersion.create({ data: { modelId: f.model.id, version: 4, trainedAt: new Date() }, select: { id: true } });
    await expect(rollbackProduction({ ctx: lead, input: { model: f.model.name, toVersion: 4, expectedProductionVersionId: f.v3.id, reason: "never live" } })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      fields: [{ path: "toVersion" }],
    });
    expect(v4.id).toBeGreaterThan(0);
    const results = await Promise.allSettled([
      rollbackProduction({ ctx: lead, input: { model: f.model.name, toVersion: 1, expectedProductionVersionId: f.v3.id, reason: "double click" } }),
      rollbackProduction({ ctx: lead, input: { model: f.model.name, toVersion: 1, expectedProductionVersionId: f.v3.id, reason: "double click" } }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await productionOf(f.model.id)).toBe(1);
    expect(await db().deployment.count({ where: { modelId: f.model.id, reason: "rollback" } })).toBe(1);
  });

  it("is for leads of the shelf: engineers, viewers and pipelines are refused", async () => {
    const f = await promotionFixture();
    const input = { model: f.model.name, expectedProductionVersionId: f.v2.id, reason: "not mine to do" };
    const token = { actor: { kind: "token" as const, id: 1, name: "p", scopes: ["gate" as const, "ingest" as const, "read" as const] }, now: new Date() };
    for (const ctx of [f.people.engineer.ctx, f.people.viewer.ctx, token]) {
      await expect(rollbackProduction({ ctx, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const timeline = await listDeployments({ ctx: f.people.engineer.ctx, input: { model: f.model.name } });
    expect(timeline).toMatchObject({ canRollback: false, previous: 1, rollbackTargets: [1] });
    expect((await listDeployments({ ctx: f.people.lead.ctx, input: { model: f.model.name } })).canRollback).toBe(true);
  });
});

describe("production on a date", () => {
  it("answers from the deployment log, in the data layer and at GET /models/{model}/production?at=", async () => {
    const f = await promotionFixture();
    const ctx = f.people.viewer.ctx;
    const day = (offset: number) => new Date(f.now.getTime() - offset * DAY).toISOString().slice(0, 10);
    expect(await getProductionAt({ ctx, input: { model: f.model.name, at: day(30) } })).toMatchObject({ version: null, deployment: null });
    expect(await getProductionAt({ ctx, input: { model: f.model.name, at: day(15) } })).toMatchObject({ version: 1, deployment: { reason: "initial" } });
    const v2 = await getProductionAt({ ctx, input: { model: f.model.name, at: day(5) } });
    expect(v2).toMatchObject({ version: 2, until: null, deployment: { fromVersion: 1, reason: "promotion" } });

    const { token } = await createToken({ ctx: systemCtx("test"), input: { name: "reader", scopes: ["read"] } });
    const call = (query: string) =>
      productionRoute(new Request(`http://localhost/api/v1/models/${f.model.name}/production${query}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ model: f.model.name }),
      });
    const res = await call(`?at=${day(15)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ model: f.model.name, version: 1, at: `${day(15)}T23:59:59.999Z` });
    expect(await (await call("")).json()).toMatchObject({ version: 2 });
    const instant = new Date(f.now.getTime() - 10 * DAY - 1000).toISOString();
    expect(await (await call(`?at=${encodeURIComponent(instant)}`)).json()).toMatchObject({ version: 1 });
    const bad = await call("?at=yesterday");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe("at");
  });
});
