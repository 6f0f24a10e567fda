import { describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { listDeployments } from "../../lib/server/deployments/list-deployments";
import { listProduction } from "../../lib/server/deployments/list-production";
import { rollbackProduction } from "../../lib/server/deployments/rollback-production";
import { getPromotionRequest } from "../../lib/server/promotions/get-promotion-request";
import { getVersionGate } from "../../lib/server/promotions/get-version-gate";
import { listPromotionRequests } from "../../lib/server/promotions/list-promotion-requests";
import { requestPromotion } from "../../lib/server/promotions/request-promotion";
import { runPromotionGate } from "../../lib/server/promotions/run-promotion-gate";
import { otherShelfLead, promotionFixture } from "./promotion-fixtures";

const DAY = 86_400_000;
const noScopes = { actor: { kind: "token" as const, id: 1, name: "ingest-only", scopes: ["ingest" as const] }, now: new Date() };

describe("what the pages read", () => {
  it("shows each person what they may do with a version: request, approve, or nothing", async () => {
    const f = await promotionFixture();
    const input = { slug: f.shelf.slug, version: 3 };
    expect(await getVersionGate({ ctx: f.people.engineer.ctx, input })).toMatchObject({ isProduction: false, passed: true, canRequest: true, rights: null, pending: null });
    expect(await getVersionGate({ ctx: f.people.viewer.ctx, input })).toMatchObject({ canRequest: false });
    expect(await getVersionGate({ ctx: f.people.lead.ctx, input: { slug: f.shelf.slug, version: 2 } })).toMatchObject({ isProduction: true, canRequest: false });

    await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "go" } });
    expect(await getVersionGate({ ctx: f.people.engineer.ctx, input })).toMatchObject({
      canRequest: false,
      pending: { version: 3 },
      rights: { canApprove: false, canReject: false, note: expect.stringMatching(/Only a lead/) },
    });
    expect((await getVersionGate({ ctx: f.people.lead.ctx, input })).rights).toEqual({ canApprove: true, canReject: true, note: null });
    expect((await getVersionGate({ ctx: (await otherShelfLead()).ctx, input })).rights).toMatchObject({ canApprove: false });
    await expect(getVersionGate({ ctx: noScopes, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getVersionGate({ ctx: f.people.viewer.ctx, input: { slug: f.shelf.slug, version: 9 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists pending and decided requests, paged on the server, with the gate's tally", async () => {
    const f = await promotionFixture({ policy: { approvalsRequired: 0 }, reviews: [] });
    const pipeline = { actor: { kind: "token" as const, id: 1, name: "nightly", scopes: ["gate" as const] }, now: new Date() };
    for (let i = 0; i < 3; i++) await runPromotionGate({ ctx: { ...pipeline, now: new Date(Date.now() + i * 1000) }, input: { model: f.model.name, version: 3 } });
    await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "please look" } });
    const ctx = f.people.viewer.ctx;
    const decided = await listPromotionRequests({ ctx, input: { status: "decided", model: f.model.name, pageSize: 2 } });
    expect(decided).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(decided.items).toHaveLength(2);
    expect(decided.items[0]).toMatchObject({ status: "refused", source: "pipeline", shelf: { slug: f.shelf.slug }, checks: { pass: 3, fail: 0, noData: 2 } });
    expect((await listPromotionRequests({ ctx, input: { status: "decided", model: f.model.name, pageSize: 2, page: 2 } })).items).toHaveLength(1);
    const pending = await listPromotionRequests({ ctx, input: { status: "pending", model: f.model.name } });
    expect(pending.items.map((r) => [r.status, r.requestedBy])).toEqual([["pending", f.people.engineer.email]]);
    await expect(listPromotionRequests({ ctx, input: { page: 0 } })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(listPromotionRequests({ ctx: noScopes, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("marks a request stale once production moved under it", async () => {
    const f = await promotionFixture();
    const r = await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "go" } });
    expect((await getPromotionRequest({ ctx: f.people.lead.ctx, input: { id: r.request!.id } })).stale).toBe(false);
    // A stale request is cancelled by the rollback itself; one left open by a direct alias move still reads stale.
    await db().modelAlias.update({ where: { modelId_alias: { modelId: f.model.id, alias: "production" } }, data: { versionId: f.v1.id } });
    const stale = await getPromotionRequest({ ctx: f.people.lead.ctx, input: { id: r.request!.id } });
    expect(stale).toMatchObject({ stale: true, production: { version: 1 }, request: { expectedProductionVersion: 2 } });
    await expect(getPromotionRequest({ ctx: f.people.lead.ctx, input: { id: 999_999 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tells what each model had in production now and on a day, and who may roll back", async () => {
    const f = await promotionFixture();
    const day = new Date(f.now.getTime() - 15 * DAY);
    const rows = await listProduction({ ctx: f.people.lead.ctx, input: { at: day } });
    expect(rows.find((r) => r.model === f.model.name)).toMatchObject({ production: { version: 2 }, atVersion: 1, canRollback: true });
    expect((await listProduction({ ctx: f.people.engineer.ctx, input: { at: null } })).find((r) => r.model === f.model.name)).toMatchObject({ atVersion: null, canRollback: false });

    await rollbackProduction({ ctx: f.people.lead.ctx, input: { model: f.model.name, expectedProductionVersionId: f.v2.id, reason: "incident" } });
    const timeline = await listDeployments({ ctx: f.people.viewer.ctx, input: { model: f.model.name, limit: 2 } });
    expect(timeline).toMatchObject({ total: 3, production: { version: 1 }, canRollback: false });
    expect(timeline.entries.map((e) => [e.reason, e.fromVersion, e.toVersion])).toEqual([["rollback", 2, 1], ["promotion", 1, 2]]);
    expect(timeline.rollbackTargets).toEqual([2]);
    expect(timeline.previous).toBe(2);
  });
});
