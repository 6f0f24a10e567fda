import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedModel } from "../../prisma/seed/shelves";
import { featuresOf } from "../../prisma/seed/features";
import { buildProfile, PLANTED_SKEW } from "../../prisma/seed/validation";
import { seedVersions } from "../../prisma/seed/versions";
import { startJobs, type JobRunner } from "../../lib/jobs/start-jobs";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { ingestStatistics } from "../../lib/server/validation/ingest-statistics";
import { createWebhook } from "../../lib/server/webhooks/create-webhook";
import { verifySignature } from "../../lib/server/webhooks/signature";
import { userCtx } from "../support/alert-fixtures";
import { startReceiver } from "../support/webhook-receiver";

// What the team sees in its chat channel: a serving day whose statistics show training/serving skew
// reaches a local webhook receiver, with the feature at fault, within a minute. The job runner runs
// with its production intervals.
let runner: JobRunner;

beforeAll(async () => {
  runner = await startJobs({ databaseUrl: process.env.DATABASE_URL!, dailyOnStart: false });
}, 60_000);
afterAll(async () => {
  await runner?.stop();
});

describe("skew to chat", () => {
  it("posts the skew alert of a new serving day to the webhook within a minute", async () => {
    const receiver = await startReceiver([200]);
    const model = await db().$transaction(async (tx) => {
      const m = await seedModel(tx, { slug: PLANTED_SKEW.shelfSlug, now: new Date(Date.now() - 400 * 86_400_000) });
      const { versions } = await seedVersions(tx, { modelId: m.modelId, count: 2 });
      await tx.modelAlias.create({ data: { modelId: m.modelId, alias: "production", versionId: versions[1].id } });
      await tx.deployment.create({ data: { modelId: m.modelId, toVersionId: versions[1].id, reason: "initial", actor: "seed", createdAt: new Date(Date.now() - 3 * 86_400_000) } });
      return { name: m.modelName, slug: m.slug };
    });
    const { secret } = await createWebhook({ ctx: await userCtx("admin"), input: { name: "#podcast-alerts", url: receiver.url, shelf: model.slug, events: ["skew", "drift", "schema"] } });

    // Training log1p-scales podcast_minutes_28d; serving logs it raw: the demo's planted fault.
    const features = featuresOf(model.name);
    const training = buildProfile(features, 1500, 7, "training", { transforms: { [PLANTED_SKEW.feature]: Math.log1p } });
    const serving = buildProfile(features, 1500, 8, "serving", {});
    const ctx = systemCtx("pipeline");
    await ingestStatistics({ ctx, input: { model: model.name, target: { kind: "training", version: 2 }, statistics: training } });
    const today = new Date().toISOString().slice(0, 10);
    const posted = Date.now();
    const result = await ingestStatistics({ ctx, input: { model: model.name, target: { kind: "serving", day: today }, statistics: serving } });
    expect(result.reports.find((r) => r.kind === "skew")?.anomalous).toBe(true);

    await receiver.waitFor(1, 60_000);
    const got = receiver.received.find((r) => JSON.parse(r.body).event.kind === "skew")!;
    expect(got.at - posted).toBeLessThan(60_000);
    expect(verifySignature(secret, String(got.headers["x-shelfwatch-signature"]), got.body, Math.floor(Date.now() / 1000))).toBe(true);
    const payload = JSON.parse(got.body);
    expect(payload.text).toContain(`Skew on ${model.name} on ${today}: ${PLANTED_SKEW.feature}`);
    expect(payload.event.alert).toMatchObject({ kind: "skew", subject: model.name, details: { day: today } });
    await receiver.close();
  }, 120_000);
});
