import { describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { rollbackProduction } from "../../lib/server/deployments/rollback-production";
import { approvePromotion } from "../../lib/server/promotions/approve-promotion";
import { getPromotionRequest } from "../../lib/server/promotions/get-promotion-request";
import { rejectPromotion } from "../../lib/server/promotions/reject-promotion";
import { requestPromotion } from "../../lib/server/promotions/request-promotion";
import { otherShelfLead, productionOf, promotionFixture, type Fixture, type PolicyOverrides } from "./promotion-fixtures";

/** A fixture with the engineer's pending request for v3 (displacing v2). */
async function pending(policy: PolicyOverrides = {}, extra: Parameters<typeof promotionFixture>[0] = {}) {
  const f = await promotionFixture({ ...extra, policy });
  const r = await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "weekly retrain" } });
  return { f, requestId: r.request!.id };
}

const approveInput = (f: Fixture, requestId: number, extra: Record<string, unknown> = {}) => ({
  requestId,
  candidateVersionId: f.v3.id,
  expectedProductionVersionId: f.v2.id,
  comment: "Looks good.",
  ...extra,
});

describe("approving a promotion", () => {
  it("moves the alias, records the deployment, closes the request and writes the audit rows in one go", async () => {
    const { f, requestId } = await pending();
    const result = await approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId) });
    expect(result).toMatchObject({ status: "deployed", approvals: 1, recorded: true, deployment: { fromVersion: 2, toVersion: 3, reason: "promotion" } });
    expect(await productionOf(f.model.id)).toBe(3);
    const request = await db().promotionRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, pendingKey: true, decidedAt: true } });
    expect(request).toMatchObject({ status: "deployed", pendingKey: null });
    const deployment = await db().deployment.findFirstOrThrow({ where: { requestId }, select: { actor: true, fromVersionId: true, toVersionId: true } });
    expect(deployment).toEqual({ actor: f.people.lead.email, fromVersionId: f.v2.id, toVersionId: f.v3.id });
    const actions = await db().auditEvent.findMany({ where: { subjectType: { in: ["promotion_request", "model"] }, shelfId: f.shelf.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["promotion.requested", "promotion.approved", "deployment.created", "promotion.deployed"]);
  });

  it("refuses the author when the policy forbids self-approval, and allows it when the policy does not", async () => {
    const { f, requestId } = await pending();
    const lead = f.people.lead;
    const own = await requestPromotion({ ctx: lead.ctx, input: { model: f.model.name, version: 3, reason: "mine" } });
    expect(own.request!.id).toBe(requestId); // the engineer's request already waits: asking again returns it
    await db().promotionRequest.update({ where: { id: requestId }, data: { requestedByUserId: lead.id } });
    await expect(approvePromotion({ ctx: lead.ctx, input: approveInput(f, requestId) })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/your own/) });
    await db().gatePolicy.update({ where: { modelId: f.model.id }, data: { forbidSelfApproval: false } });
    await expect(approvePromotion({ ctx: lead.ctx, input: approveInput(f, requestId) })).resolves.toMatchObject({ status: "deployed" });
  });

  it("refuses non-leads and the lead of another shelf; a lead of this shelf and an unrestricted lead may", async () => {
    const { f, requestId } = await pending({ approvalsRequired: 2 });
    for (const ctx of [f.people.engineer.ctx, f.people.viewer.ctx, f.people.reviewer.ctx, (await otherShelfLead()).ctx]) {
      await expect(approvePromotion({ ctx, input: approveInput(f, requestId) })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(rejectPromotion({ ctx, input: { requestId, candidateVersionId: f.v3.id, comment: "no" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().approval.count({ where: { requestId } })).toBe(0);
    await expect(approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId) })).resolves.toMatchObject({ status: "pending", approvals: 1, approvalsRequired: 2 });
    await expect(approvePromotion({ ctx: f.people.anyLead.ctx, input: approveInput(f, requestId) })).resolves.toMatchObject({ status: "deployed", approvals: 2 });
  });

  it("answers 409 when the production version or the candidate the lead saw moved", async () => {
    const { f, requestId } = await pending();
    await expect(approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId, { expectedProductionVersionId: f.v1.id }) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId, { candidateVersionId: f.v2.id }) })).rejects.toMatchObject({ code: "CONFLICT" });
    // Production moves under the request (a rollback to v1): the request is stale, whatever the form says.
    await rollbackProduction({ ctx: f.people.lead.ctx, input: { model: f.model.name, expectedProductionVersionId: f.v2.id, reason: "incident" } });
    await expect(approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId, { expectedProductionVersionId: f.v1.id }) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await productionOf(f.model.id)).toBe(1);
    expect(await db().approval.count({ where: { requestId } })).toBe(0);
  });

  it("counts a double-submitted approval once, even when both submits race", async () => {
    const { f, requestId } = await pending({ approvalsRequired: 2 });
    const both = await Promise.all([
      approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId) }),
      approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId) }),
    ]);
    expect(both.map((r) => r.recorded).sort()).toEqual([false, true]);
    expect(await db().approval.count({ where: { requestId } })).toBe(1);
    expect(await productionOf(f.model.id)).toBe(2);
    const last = await approvePromotion({ ctx: f.people.lead2.ctx, input: approveInput(f, requestId) });
    expect(last).toMatchObject({ status: "deployed", approvals: 2 });
    // Submitting once more after the deployment changes nothing and is not an error.
    await expect(approvePromotion({ ctx: f.people.lead2.ctx, input: approveInput(f, requestId) })).resolves.toMatchObject({ recorded: false, status: "deployed" });
    expect(await db().deployment.count({ where: { requestId } })).toBe(1);
  });

  it("requires every check that does not pass to be overridden, with a reason, and records the override", async () => {
    const { f, requestId } = await pending({}, { reviews: ["worse"], skewAnomalyDaysAgo: 1 });
    const page = await getPromotionRequest({ ctx: f.people.lead.ctx, input: { id: requestId } });
    expect(page.passed).toBe(false);
    expect(page.checks.filter((c) => c.verdict !== "pass").map((c) => [c.id, c.verdict])).toEqual([["skew", "fail"], ["reviews_count", "fail"], ["worse_share", "fail"]]);
    expect(page.rights).toEqual({ canApprove: true, canReject: true, note: null });

    const attempt = approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId, { overrides: ["skew"], overrideReason: "Skew is in a feature this model ignores." }) });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", fields: [{ path: "overrides.reviews_count" }, { path: "overrides.worse_share" }] });
    await expect(approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId, { overrides: ["skew", "reviews_count", "worse_share"] }) })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      fields: [{ path: "overrideReason" }],
    });
    const reason = "Holiday traffic: reviewed the samples myself.";
    const ok = await approvePromotion({ ctx: f.people.lead.ctx, input: approveInput(f, requestId, { overrides: ["skew", "reviews_count", "worse_share"], overrideReason: reason }) });
    expect(ok).toMatchObject({ status: "deployed", overridden: ["skew", "reviews_count", "worse_share"] });
    const decided = await getPromotionRequest({ ctx: f.people.viewer.ctx, input: { id: requestId } });
    expect(decided.checks.filter((c) => c.overridden).map((c) => c.id)).toEqual(["skew", "reviews_count", "worse_share"]);
    expect(decided.checks.find((c) => c.id === "skew")).toMatchObject({ verdict: "fail", overriddenBy: f.people.lead.email, overrideReason: reason });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "promotion.approved", subjectId: String(requestId) }, select: { after: true } });
    expect(audit.after).toMatchObject({ overrideReason: reason, overrides: [{ check: "skew", verdict: "fail" }, { check: "reviews_count" }, { check: "worse_share" }] });
  });

  it("rejects with a comment, once per person, and only by a lead of the shelf", async () => {
    const { f, requestId } = await pending();
    const input = { requestId, candidateVersionId: f.v3.id, comment: "Too many repeats in the samples." };
    const [a, b] = await Promise.all([rejectPromotion({ ctx: f.people.lead.ctx, input }), rejectPromotion({ ctx: f.people.lead.ctx, input })]);
    expect([a.recorded, b.recorded].sort()).toEqual([false, true]);
    expect(await db().promotionRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } })).toEqual({ status: "rejected" });
    await expect(approvePromotion({ ctx: f.people.lead2.ctx, input: approveInput(f, requestId) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await productionOf(f.model.id)).toBe(2);
  });

  it("rejects a request with no reason given as a bad request with the field", async () => {
    const { f, requestId } = await pending();
    await expect(rejectPromotion({ ctx: f.people.lead.ctx, input: { requestId, candidateVersionId: f.v3.id, comment: " " } })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      fields: [{ path: "comment" }],
    });
  });
});
