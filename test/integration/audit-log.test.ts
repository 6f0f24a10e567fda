import pg from "pg";
import { describe, expect, it } from "vitest";
import { appendAudit } from "../../lib/server/audit";
import { listAuditEvents } from "../../lib/server/audit-log/list-audit-events";
import { verifyAuditChain } from "../../lib/server/audit-log/verify-audit-chain";
import { systemCtx, type Ctx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { listGatePolicies } from "../../lib/server/gate-policies/list-gate-policies";
import { updateGatePolicy } from "../../lib/server/gate-policies/update-gate-policy";
import { approvePromotion } from "../../lib/server/promotions/approve-promotion";
import { requestPromotion } from "../../lib/server/promotions/request-promotion";
import { person, promotionFixture } from "./promotion-fixtures";

async function event(ctx: Ctx, action: string, subjectId: string) {
  await db().$transaction((tx) => appendAudit(tx, ctx, { action, subjectType: "test_subject", subjectId, after: { n: subjectId } }));
}

/** Runs SQL as the database owner, outside Prisma: what an attacker with database access could do. */
async function asSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("the audit log", () => {
  it("lists events newest first, filtered by actor, action, subject and dates, paged on the server", async () => {
    const alice = await person("engineer");
    const bob = await person("lead");
    const days = ["2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-03T10:00:00Z"];
    for (const [i, d] of days.entries()) {
      await event({ ...alice.ctx, now: new Date(d) }, "thing.created", `a${i}`);
      await event({ ...bob.ctx, now: new Date(d) }, "thing.deleted", `b${i}`);
    }
    const ctx = (await person("viewer")).ctx;
    const all = await listAuditEvents({ ctx, input: { subject: "test_subject", limit: 4 } });
    expect(all.events.map((e) => e.subjectId)).toEqual(["b2", "a2", "b1", "a1"]);
    expect(all.nextBefore).toBe(all.events[3].id);
    const next = await listAuditEvents({ ctx, input: { subject: "test_subject", limit: 4, before: all.nextBefore! } });
    expect(next.events.map((e) => e.subjectId)).toEqual(["b0", "a0"]);
    expect(next.nextBefore).toBeNull();

    expect((await listAuditEvents({ ctx, input: { actor: alice.email.slice(0, 12).toUpperCase() } })).events.map((e) => e.subjectId)).toEqual(["a2", "a1", "a0"]);
    expect((await listAuditEvents({ ctx, input: { action: "thing.deleted" } })).events).toHaveLength(3);
    expect((await listAuditEvents({ ctx, input: { action: "thing." } })).events).toHaveLength(6);
    expect((await listAuditEvents({ ctx, input: { subject: "test_subject:b1" } })).events.map((e) => e.subjectId)).toEqual(["b1"]);
    expect((await listAuditEvents({ ctx, input: { subject: "a0" } })).events.map((e) => e.action)).toEqual(["thing.created"]);
    const window = await listAuditEvents({ ctx, input: { subject: "test_subject", from: "2026-03-02", to: "2026-03-02" } });
    expect(window.events.map((e) => e.subjectId)).toEqual(["b1", "a1"]);
    expect(all.actions).toEqual(expect.arrayContaining(["thing.created", "thing.deleted"]));
    await expect(listAuditEvents({ ctx, input: { from: "March" } })).rejects.toMatchObject({ code: "INVALID_REQUEST", fields: [{ path: "from" }] });
  });

  it("records who did what to a promotion, with before and after", async () => {
    const f = await promotionFixture();
    const r = await requestPromotion({ ctx: f.people.engineer.ctx, input: { model: f.model.name, version: 3, reason: "go" } });
    await approvePromotion({ ctx: f.people.lead.ctx, input: { requestId: r.request!.id, candidateVersionId: f.v3.id, expectedProductionVersionId: f.v2.id, comment: "ship it" } });
    const page = await listAuditEvents({ ctx: f.people.viewer.ctx, input: { subject: f.model.name } });
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({ action: "deployment.created", actorLabel: f.people.lead.email, shelf: f.shelf.slug, before: { production: "v2" }, after: { production: "v3", reason: "promotion" } });
  });

  it("names the first event altered directly in the database, and only admins may verify", async () => {
    const ctx = systemCtx("test");
    for (let i = 0; i < 5; i++) await event(ctx, "chain.link", `link-${i}`);
    expect(await verifyAuditChain({ ctx })).toMatchObject({ ok: true });
    await expect(verifyAuditChain({ ctx: (await person("lead")).ctx })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const target = await db().auditEvent.findFirstOrThrow({ where: { subjectId: "link-2" }, select: { id: true } });
    // The append-only trigger refuses the edit; an attacker with owner rights disables it first.
    await expect(asSuperuser(`UPDATE "AuditEvent" SET "actorLabel" = 'someone-else' WHERE id = ${target.id}`)).rejects.toThrow(/append-only/);
    await asSuperuser(`BEGIN;
      ALTER TABLE "AuditEvent" DISABLE TRIGGER USER;
      UPDATE "AuditEvent" SET "after" = '{"n": "forged"}' WHERE id = ${target.id};
      ALTER TABLE "AuditEvent" ENABLE TRIGGER USER;
      COMMIT;`);
    const verdict = await verifyAuditChain({ ctx: (await person("admin")).ctx });
    expect(verdict).toMatchObject({ ok: false, brokenAt: { id: target.id, action: "chain.link", reason: expect.stringMatching(/altered/) } });
  });
});

describe("gate policies", () => {
  it("are edited by admins only, guarded on the version the form was filled from, with before and after in the log", async () => {
    const f = await promotionFixture();
    const admin = f.people.admin.ctx;
    const rows = await listGatePolicies({ ctx: admin });
    const row = rows.find((r) => r.model === f.model.name)!;
    expect(row.metrics).toEqual(["ndcg@10", "popularity_bias"]);
    const input = {
      model: f.model.name,
      primaryMetric: "ndcg@10",
      direction: "higher_is_better" as const,
      absoluteThreshold: 0.33,
      maxRegression: 0.005,
      skewFreeDays: 14,
      minReviews: 30,
      maxWorseShare: 0.2,
      approvalsRequired: 2,
      forbidSelfApproval: true,
      expectedUpdatedAt: row.policy!.updatedAt,
    };
    await expect(updateGatePolicy({ ctx: f.people.lead.ctx, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listGatePolicies({ ctx: f.people.engineer.ctx })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [first, second] = await Promise.allSettled([updateGatePolicy({ ctx: admin, input }), updateGatePolicy({ ctx: admin, input })]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    const saved = await db().gatePolicy.findUniqueOrThrow({ where: { modelId: f.model.id }, select: { minReviews: true, approvalsRequired: true, updatedBy: true } });
    expect(saved).toEqual({ minReviews: 30, approvalsRequired: 2, updatedBy: f.people.admin.email });
    const audit = await db().auditEvent.findMany({ where: { action: "gate_policy.updated", subjectId: f.model.name }, select: { before: true, after: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { minReviews: 2, approvalsRequired: 1 }, after: { minReviews: 30, approvalsRequired: 2 } });
    await expect(updateGatePolicy({ ctx: admin, input: { ...input, absoluteThreshold: null, maxRegression: null, skewFreeDays: null, minReviews: 0, maxWorseShare: null } })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
  });
});
