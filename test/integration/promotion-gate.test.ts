import { describe, expect, it } from "vitest";
import { POST as promote } from "../../app/api/v1/models/[model]/versions/[version]/promote/route";
import { verifyAuditChain } from "../../lib/server/audit-log/verify-audit-chain";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { requestPromotion } from "../../lib/server/promotions/request-promotion";
import { runPromotionGate } from "../../lib/server/promotions/run-promotion-gate";
import { createToken } from "../../lib/server/tokens/create-token";
import { productionOf, promotionFixture } from "./promotion-fixtures";

async function token(scopes: ("gate" | "ingest" | "read")[]) {
  return (await createToken({ ctx: systemCtx("test"), input: { name: `t-${Math.random()}`, scopes } })).token;
}

function callPromote(bearer: string, model: string, version: number | string, body: unknown = {}, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/models/${model}/versions/${version}/promote`, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return promote(request, { params: Promise.resolve({ model, version: String(version) }) });
}

describe("the pipeline gate (POST …/promote)", () => {
  it("pushes at once when the policy needs no approval and every check passes, in one audited transaction", async () => {
    const f = await promotionFixture({ policy: { approvalsRequired: 0 } });
    const res = await callPromote(await token(["gate"]), f.model.name, 3, { reason: "weekly retrain" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ outcome: "deployed", version: 3, passed: true, deployment: { fromVersion: 2, toVersion: 3, reason: "automatic_push" }, request: { status: "deployed", source: "pipeline" } });
    expect(body.checks.map((c: { verdict: string }) => c.verdict)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(await productionOf(f.model.id)).toBe(3);
    const events = await db().auditEvent.findMany({ where: { shelfId: f.shelf.id }, orderBy: { id: "asc" }, select: { action: true, actorLabel: true } });
    expect(events.map((e) => e.action)).toEqual(["promotion.requested", "deployment.created", "promotion.deployed"]);
    expect(events[0].actorLabel).toMatch(/^token:/);
    expect(await verifyAuditChain({ ctx: systemCtx("test") })).toMatchObject({ ok: true });
  });

  it("opens a request for a lead when approvals are required, and returns the same request when asked again", async () => {
    const f = await promotionFixture();
    const bearer = await token(["gate"]);
    const first = await callPromote(bearer, f.model.name, 3);
    expect(first.status).toBe(202);
    const a = await first.json();
    expect(a).toMatchObject({ outcome: "pending_approval", passed: true, request: { status: "pending", version: 3, expectedProductionVersion: 2 } });
    expect(a.reasons.at(-1)).toMatch(/requires 1 approval/);
    const again = await (await callPromote(bearer, f.model.name, 3)).json();
    expect(again.request.id).toBe(a.request.id);
    expect(await db().promotionRequest.count({ where: { modelId: f.model.id } })).toBe(1);
    expect(await productionOf(f.model.id)).toBe(2);
  });

  it("replays the stored answer for a repeated Idempotency-Key", async () => {
    const f = await promotionFixture({ policy: { approvalsRequired: 0 } });
    const bearer = await token(["gate"]);
    const first = await callPromote(bearer, f.model.name, 3, {}, { "idempotency-key": "push-v3" });
    const second = await callPromote(bearer, f.model.name, 3, {}, { "idempotency-key": "push-v3" });
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await db().deployment.count({ where: { modelId: f.model.id, reason: "automatic_push" } })).toBe(1);
    // Without the key, asking again for the version now live is a clean conflict.
    const third = await callPromote(bearer, f.model.name, 3);
    expect(third.status).toBe(409);
  });

  it("refuses with the failed checks and their sentences, and moves nothing", async () => {
    const f = await promotionFixture({ policy: { approvalsRequired: 0 }, scores: [0.32, 0.34, 0.31], skewAnomalyDaysAgo: 2 });
    const body = await (await callPromote(await token(["gate"]), f.model.name, 3)).json();
    expect(body.outcome).toBe("refused");
    const failed = body.checks.filter((c: { verdict: string }) => c.verdict === "fail").map((c: { id: string }) => c.id);
    expect(failed).toEqual(["regression_vs_production", "skew"]);
    expect(body.reasons.join(" ")).toMatch(/regression of 0\.030.*minutes_28d/);
    expect(body.request).toMatchObject({ status: "refused" });
    expect(await productionOf(f.model.id)).toBe(2);
    expect(await db().auditEvent.count({ where: { action: "promotion.refused", subjectId: String(body.request.id) } })).toBe(1);
  });

  it("treats a source without rows as no data, which blocks", async () => {
    const f = await promotionFixture({ policy: { approvalsRequired: 0 }, reviews: [] });
    const body = await (await callPromote(await token(["gate"]), f.model.name, 3)).json();
    expect(body.outcome).toBe("refused");
    expect(body.checks.filter((c: { verdict: string }) => c.verdict === "no_data").map((c: { id: string }) => c.id)).toEqual(["reviews_count", "worse_share"]);
  });

  it("answers 401, 403, 404 and 400 for no token, a token without the gate scope, an unknown model and a bad version", async () => {
    const f = await promotionFixture();
    const res401 = await promote(new Request(`http://localhost/api/v1/models/${f.model.name}/versions/3/promote`, { method: "POST" }), { params: Promise.resolve({ model: f.model.name, version: "3" }) });
    expect(res401.status).toBe(401);
    expect((await callPromote(await token(["ingest", "read"]), f.model.name, 3)).status).toBe(403);
    expect((await callPromote(await token(["gate"]), "no-such-model", 3)).status).toBe(404);
    const bad = await callPromote(await token(["gate"]), f.model.name, "three");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe("version");
    expect((await callPromote(await token(["gate"]), f.model.name, 99)).status).toBe(404);
  });

  it("lets a newer version supersede a pending request, and refuses an older one", async () => {
    const f = await promotionFixture();
    const v4 = await db().modelVersion.create({ data: { modelId: f.model.id, version: 4, trainedAt: new Date() }, select: { id: true } });
    await db().evaluation.create({ data: { modelId: f.model.id, versionId: v4.id, metric: "ndcg@10", value: 0.36 } });
    const ctx = f.people.engineer.ctx;
    const first = await requestPromotion({ ctx, input: { model: f.model.name, version: 3, reason: "candidate" } });
    const second = await runPromotionGate({ ctx, input: { model: f.model.name, version: 4 } });
    expect(second.outcome).toBe("refused"); // v4 has no reviews yet: no data blocks the gate
    const third = await requestPromotion({ ctx, input: { model: f.model.name, version: 4, reason: "newer candidate" } });
    expect(third.outcome).toBe("pending_approval");
    expect(await db().promotionRequest.findUnique({ where: { id: first.request!.id }, select: { status: true } })).toEqual({ status: "cancelled" });
    await expect(requestPromotion({ ctx, input: { model: f.model.name, version: 3, reason: "older" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets engineers ask, not viewers or reviewers", async () => {
    const f = await promotionFixture();
    for (const p of [f.people.viewer, f.people.reviewer]) {
      await expect(requestPromotion({ ctx: p.ctx, input: { model: f.model.name, version: 3, reason: "please" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const ok = await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "please" } });
    expect(ok).toMatchObject({ outcome: "pending_approval", request: { source: "user", requestedBy: f.people.engineer.email } });
  });
});
