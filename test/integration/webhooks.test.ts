import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobs, type JobRunner } from "../../lib/jobs/start-jobs";
import { raiseAlert } from "../../lib/server/alerts/raise-alert";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { createWebhook } from "../../lib/server/webhooks/create-webhook";
import { deleteWebhook } from "../../lib/server/webhooks/delete-webhook";
import { listWebhooks } from "../../lib/server/webhooks/list-webhooks";
import { notifyDeployment } from "../../lib/server/webhooks/notify-deployment";
import { sendTestWebhook } from "../../lib/server/webhooks/send-test-webhook";
import { setWebhookActive } from "../../lib/server/webhooks/set-webhook-active";
import { verifySignature } from "../../lib/server/webhooks/signature";
import { shelfWithModel, userCtx } from "../support/alert-fixtures";
import { startReceiver } from "../support/webhook-receiver";

const sys = () => systemCtx("test");
const FAST = { baseDelayMs: 300, maxDelayMs: 2_000, giveUpAfterMs: 60_000 };
let runner: JobRunner;

beforeAll(async () => {
  runner = await startJobs({ databaseUrl: process.env.DATABASE_URL!, retry: FAST, dispatchIntervalMs: 200, sweepIntervalMs: 600_000, dailyOnStart: false });
}, 60_000);
afterAll(async () => {
  await runner?.stop();
});

async function raiseSkew(modelId: number, subject: string, title = `Skew on ${subject}`) {
  return db().$transaction((tx) => raiseAlert(tx, sys(), { kind: "skew", subject, modelId, title, details: { reportId: 7 } }));
}

describe("webhook delivery", () => {
  it("posts a new alert to a local receiver, signed with the webhook's secret", async () => {
    const receiver = await startReceiver([200]);
    const { shelf, model } = await shelfWithModel();
    const admin = await userCtx("admin");
    const hook = await createWebhook({ ctx: admin, input: { name: "chat", url: receiver.url, shelf: shelf.slug, events: ["skew"] } });
    expect(hook.secret).toMatch(/^whsec_/);
    const started = Date.now();
    const alert = await raiseSkew(model.id, model.name);
    await receiver.waitFor(1);
    expect(Date.now() - started).toBeLessThan(10_000);

    const [got] = receiver.received;
    const signature = String(got.headers["x-shelfwatch-signature"]);
    const timestamp = Number(got.headers["x-shelfwatch-timestamp"]);
    // The scheme, recomputed independently: HMAC-SHA256 over "<timestamp>.<body>".
    expect(signature).toBe(`t=${timestamp},v1=${createHmac("sha256", hook.secret).update(`${timestamp}.${got.body}`).digest("hex")}`);
    expect(verifySignature(hook.secret, signature, got.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature("whsec_wrong", signature, got.body, Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifySignature(hook.secret, signature, got.body.replace("Skew", "Skev"), Math.floor(Date.now() / 1000))).toBe(false);

    const payload = JSON.parse(got.body);
    expect(payload.text).toContain(`Skew on ${model.name}`);
    expect(payload.text).toMatch(new RegExp(`https?://[^\\s]+/shelves/${shelf.slug}/validation/7`));
    expect(payload.event).toMatchObject({ type: "alert.raised", kind: "skew", shelf: { slug: shelf.slug }, alert: { id: alert.id, kind: "skew", subject: model.name } });
    expect(got.headers["x-shelfwatch-event"]).toBe("skew");

    // A repeat sighting of the same alert is not posted again.
    await raiseSkew(model.id, model.name);
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.received).toHaveLength(1);
    const [row] = (await listWebhooks({ ctx: admin })).find((w) => w.id === hook.id)!.deliveries;
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, event: "skew" });
    await receiver.close();
  });

  it("retries with backoff: a receiver that fails twice gets it on the third try", async () => {
    const receiver = await startReceiver([503, 500, 200]);
    const { model } = await shelfWithModel({ team: "Retry Team" });
    const hook = await createWebhook({ ctx: await userCtx("admin"), input: { name: "flaky", url: receiver.url, team: "Retry Team", events: ["skew"] } });
    await raiseSkew(model.id, model.name);
    await receiver.waitFor(3);
    const [a, b, c] = receiver.received;
    expect(b.at - a.at).toBeGreaterThanOrEqual(FAST.baseDelayMs - 50);
    expect(c.at - b.at).toBeGreaterThanOrEqual(2 * FAST.baseDelayMs - 50); // doubled
    expect(new Set(receiver.received.map((r) => r.headers["x-shelfwatch-delivery"])).size).toBe(1);
    await expect.poll(async () => (await db().webhookDelivery.findFirst({ where: { webhookId: hook.id } }))?.status).toBe("delivered");
    const row = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(row).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    await receiver.close();
  });

  it("records a connection error when nothing listens", async () => {
    const receiver = await startReceiver([200]);
    const url = receiver.url;
    await receiver.close();
    const { model } = await shelfWithModel({ team: "Nobody Team" });
    const hook = await createWebhook({ ctx: await userCtx("admin"), input: { name: "gone", url, team: "Nobody Team", events: ["skew"] } });
    await raiseSkew(model.id, model.name);
    await expect.poll(async () => (await db().webhookDelivery.findFirst({ where: { webhookId: hook.id } }))?.lastError ?? "", { timeout: 10_000 }).toMatch(/could not reach the receiver/);
    await setWebhookActive({ ctx: await userCtx("admin"), input: { id: hook.id, active: false } });
  });

  it("announces a deployment to webhooks that subscribe to production changes", async () => {
    const receiver = await startReceiver([200]);
    const { shelf, model, versions } = await shelfWithModel({ versionsDaysAgo: [14, 7] });
    await createWebhook({ ctx: await userCtx("admin"), input: { name: "deploys", url: receiver.url, shelf: shelf.slug, events: ["deployment"] } });
    await db().$transaction(async (tx) => {
      const d = await tx.deployment.create({ data: { modelId: model.id, fromVersionId: versions[0].id, toVersionId: versions[1].id, reason: "promotion", actor: "lead@example.com" }, select: { id: true } });
      await notifyDeployment(tx, sys(), { deploymentId: d.id });
    });
    await receiver.waitFor(1);
    const payload = JSON.parse(receiver.received[0].body);
    expect(payload.text).toContain(`${model.name} v2 is now in production (was v1)`);
    expect(payload.event).toMatchObject({ type: "deployment", deployment: { fromVersion: 1, toVersion: 2, reason: "promotion" } });
    await receiver.close();
  });
});

describe("managing webhooks", () => {
  it("shows the secret once, never in the list, and is for admins only", async () => {
    const admin = await userCtx("admin");
    const created = await createWebhook({ ctx: admin, input: { name: "ops", url: "https://chat.example.com/hooks/abc", events: ["gate_failure", "deployment"] } });
    const listed = (await listWebhooks({ ctx: admin })).find((w) => w.id === created.id)!;
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed).toMatchObject({ name: "ops", events: ["gate_failure", "deployment"], active: true, shelf: null });
    await expect(listWebhooks({ ctx: await userCtx("lead") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createWebhook({ ctx: await userCtx("engineer"), input: { name: "x", url: "https://x.example.com", events: ["skew"] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "webhook.created", subjectId: String(created.id) } });
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it("names the fields at fault", async () => {
    const admin = await userCtx("admin");
    await expect(createWebhook({ ctx: admin, input: { name: "", url: "ftp://example.com", events: [] } })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      fields: expect.arrayContaining([expect.objectContaining({ path: "name" }), expect.objectContaining({ path: "url" }), expect.objectContaining({ path: "events" })]),
    });
    await expect(createWebhook({ ctx: admin, input: { name: "x", url: "https://x.example.com", shelf: "no-such-shelf", events: ["skew"] } })).rejects.toMatchObject({ fields: [{ path: "shelf", message: "unknown shelf" }] });
  });

  it("pauses, resumes and deletes, refusing a repeated step", async () => {
    const admin = await userCtx("admin");
    const { id } = await createWebhook({ ctx: admin, input: { name: "toggle", url: "https://x.example.com/h", events: ["skew"] } });
    await setWebhookActive({ ctx: admin, input: { id, active: false } });
    await expect(setWebhookActive({ ctx: admin, input: { id, active: false } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(sendTestWebhook({ ctx: admin, input: { id } })).rejects.toMatchObject({ code: "CONFLICT" });
    await setWebhookActive({ ctx: admin, input: { id, active: true } });
    await deleteWebhook({ ctx: admin, input: { id } });
    await expect(deleteWebhook({ ctx: admin, input: { id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends a test message to that one webhook, whatever it subscribes to", async () => {
    const receiver = await startReceiver([200]);
    const other = await startReceiver([200]);
    const admin = await userCtx("admin");
    const { id } = await createWebhook({ ctx: admin, input: { name: "to-test", url: receiver.url, events: ["missed_retrain"] } });
    await createWebhook({ ctx: admin, input: { name: "bystander", url: other.url, events: ["missed_retrain"] } });
    expect(await sendTestWebhook({ ctx: admin, input: { id } })).toEqual({ id, queued: 1 });
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.received[0].body).event).toMatchObject({ type: "test", kind: "test" });
    await new Promise((r) => setTimeout(r, 500));
    expect(other.received).toHaveLength(0);
    await expect(sendTestWebhook({ ctx: await userCtx("engineer"), input: { id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await receiver.close();
    await other.close();
  });

  it("routes an event only to the webhooks of its kind, shelf or team", async () => {
    const admin = await userCtx("admin");
    const { shelf, model } = await shelfWithModel({ team: "Routing Team" });
    const elsewhere = await shelfWithModel({ team: "Other Team" });
    const url = "http://127.0.0.1:9/never"; // nothing is delivered: the rows are what this test reads
    const wanted = [
      await createWebhook({ ctx: admin, input: { name: "by-shelf", url, shelf: shelf.slug, events: ["drift"] } }),
      await createWebhook({ ctx: admin, input: { name: "by-team", url, team: "Routing Team", events: ["drift", "skew"] } }),
    ];
    const unwanted = [
      await createWebhook({ ctx: admin, input: { name: "other-shelf", url, shelf: elsewhere.shelf.slug, events: ["drift"] } }),
      await createWebhook({ ctx: admin, input: { name: "other-team", url, team: "Other Team", events: ["drift"] } }),
      await createWebhook({ ctx: admin, input: { name: "other-kind", url, shelf: shelf.slug, events: ["skew"] } }),
    ];
    await setWebhookActive({ ctx: admin, input: { id: (await createWebhook({ ctx: admin, input: { name: "paused", url, shelf: shelf.slug, events: ["drift"] } })).id, active: false } });
    await db().$transaction((tx) => raiseAlert(tx, sys(), { kind: "drift", subject: model.name, modelId: model.id, title: "Drift" }));
    const rows = await db().webhookDelivery.findMany({ where: { event: "drift", webhook: { url } }, select: { webhookId: true } });
    expect(rows.map((r) => r.webhookId).sort()).toEqual(wanted.map((w) => w.id).sort());
    expect(rows.some((r) => unwanted.some((u) => u.id === r.webhookId))).toBe(false);
  });
});
