import { describe, expect, it } from "vitest";
import { raiseAlert } from "../../lib/server/alerts/raise-alert";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createWebhook } from "../../lib/server/webhooks/create-webhook";
import { announceDeployments } from "../../lib/server/webhooks/announce-deployments";
import { deliverWebhook } from "../../lib/server/webhooks/deliver-webhook";
import { shelfWithModel, userCtx } from "../support/alert-fixtures";
import { startReceiver } from "../support/webhook-receiver";

// One delivery attempt at a time, driven by hand with no job runner in this file: the retry policy
// without the scheduler's timing.
const sys = () => systemCtx("test");

async function raiseSkew(modelId: number, subject: string) {
  return db().$transaction((tx) => raiseAlert(tx, sys(), { kind: "skew", subject, modelId, title: `Skew on ${subject}` }));
}

describe("a delivery attempt", () => {
  it("gives up after the retry horizon and keeps the last error in the log", async () => {
    const receiver = await startReceiver([500]);
    const { model } = await shelfWithModel({ team: "Give-up Team" });
    const hook = await createWebhook({ ctx: await userCtx("admin"), input: { name: "down", url: receiver.url, team: "Give-up Team", events: ["skew"] } });
    await raiseSkew(model.id, model.name);
    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    // A horizon of ten minutes and a delivery made to look eight minutes old: the first failure is retried
    // (its next try falls inside the horizon); made to look ten minutes old, the next failure is final.
    const policy = { baseDelayMs: 60_000, maxDelayMs: 60_000, giveUpAfterMs: 10 * 60_000 };
    const age = async (ms: number) => db().webhookDelivery.update({ where: { id: delivery.id }, data: { createdAt: new Date(Date.now() - ms), nextAttemptAt: new Date(0) } });
    await age(8 * 60_000);
    const first = await deliverWebhook({ ctx: sys(), input: { deliveryId: delivery.id }, options: { retry: policy } });
    expect(first).toMatchObject({ outcome: "retrying", attempts: 1, statusCode: 500 });
    expect(Date.parse(first!.nextAttemptAt!) - Date.now()).toBeGreaterThan(50_000);
    await age(10 * 60_000);
    const last = await deliverWebhook({ ctx: sys(), input: { deliveryId: delivery.id }, options: { retry: policy } });
    expect(last).toMatchObject({ outcome: "failed", statusCode: 500 });
    expect(last?.error).toContain("HTTP 500: receiver is down");
    // Not due any more: a failed delivery is never attempted again.
    expect(await deliverWebhook({ ctx: sys(), input: { deliveryId: delivery.id }, options: { retry: policy } })).toBeNull();
    await receiver.close();
  });

  it("is skipped when not due, or already taken by another worker", async () => {
    const receiver = await startReceiver([200]);
    const { model } = await shelfWithModel({ team: "Lease Team" });
    const hook = await createWebhook({ ctx: await userCtx("admin"), input: { name: "lease", url: receiver.url, team: "Lease Team", events: ["skew"] } });
    await raiseSkew(model.id, model.name);
    const { id } = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    const [a, b] = await Promise.all([deliverWebhook({ ctx: sys(), input: { deliveryId: id } }), deliverWebhook({ ctx: sys(), input: { deliveryId: id } })]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
    expect(await deliverWebhook({ ctx: sys(), input: { deliveryId: id } })).toBeNull();
    await receiver.close();
  });

  it("announces a deployment nobody announced, once, however often the checks run", async () => {
    const { shelf, model, versions } = await shelfWithModel({ versionsDaysAgo: [8, 1] });
    const hook = await createWebhook({ ctx: await userCtx("admin"), input: { name: "deploys", url: "http://127.0.0.1:9/never", shelf: shelf.slug, events: ["deployment"] } });
    const d = await db().deployment.create({ data: { modelId: model.id, fromVersionId: versions[0].id, toVersionId: versions[1].id, reason: "automatic_push", actor: "token:pipeline" }, select: { id: true } });
    const runs = await Promise.all([announceDeployments({ ctx: sys() }), announceDeployments({ ctx: sys() })]);
    expect(runs.flatMap((r) => r.announced)).toEqual([d.id]);
    expect((await announceDeployments({ ctx: sys() })).announced).toEqual([]);
    const rows = await db().webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { payload: true } });
    expect(rows).toHaveLength(1);
    expect((rows[0].payload as { text: string }).text).toContain(`${model.name} v2 is now in production (was v1): automatic push (every gate check passed) by token:pipeline`);
  });
});
