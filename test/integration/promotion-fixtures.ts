import { randomUUID } from "node:crypto";
import type { RoleName } from "../../lib/auth/permissions";
import type { Ctx } from "../../lib/server/context";
import { db } from "../../lib/server/db";

// A small model with everything the gate reads: three versions (v1 launched, v2 in production, v3 the
// candidate), scores, a week of skew reports, reviews of the candidate, and people of every role.

export type Person = { id: string; email: string; ctx: Ctx };

export type PolicyOverrides = Partial<{
  absoluteThreshold: number | null;
  maxRegression: number | null;
  skewFreeDays: number | null;
  minReviews: number;
  maxWorseShare: number | null;
  approvalsRequired: number;
  forbidSelfApproval: boolean;
}>;

export type Fixture = Awaited<ReturnType<typeof promotionFixture>>;

const NOW = () => new Date();
const DAY = 86_400_000;

/** Creates a user row (no password: tests act through contexts) and its context. */
export async function person(role: RoleName, leadShelfIds: number[] = [], now = NOW()): Promise<Person> {
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@test.example`;
  await db().user.create({ data: { id, email, name: `${role} ${id.slice(0, 4)}`, role, emailVerified: true }, select: { id: true } });
  if (leadShelfIds.length) await db().leadShelf.createMany({ data: leadShelfIds.map((shelfId) => ({ userId: id, shelfId })) });
  return { id, email, ctx: { actor: { kind: "user", id, email, name: email, role, leadShelfIds }, now } };
}

/** A context for an existing person at another instant. */
export function at(p: Person, now: Date): Ctx {
  return { ...p.ctx, now };
}

export async function promotionFixture(options: { policy?: PolicyOverrides; scores?: [number, number, number]; skewAnomalyDaysAgo?: number | null; reviews?: ("better" | "same" | "worse")[] } = {}) {
  const now = NOW();
  const tag = randomUUID().slice(0, 8);
  const shelf = await db().shelf.create({ data: { slug: `shelf-${tag}`, title: `Shelf ${tag}`, team: "Test" }, select: { id: true, slug: true } });
  const model = await db().model.create({ data: { name: `model-${tag}`, shelfId: shelf.id }, select: { id: true, name: true } });
  await db().metricDefinition.createMany({
    data: [
      { modelId: model.id, name: "ndcg@10", direction: "higher_is_better" },
      { modelId: model.id, name: "popularity_bias", direction: "lower_is_better" },
    ],
  });
  await db().gatePolicy.create({
    data: {
      modelId: model.id,
      primaryMetric: "ndcg@10",
      direction: "higher_is_better",
      absoluteThreshold: 0.3,
      maxRegression: 0.01,
      skewFreeDays: 7,
      minReviews: 2,
      maxWorseShare: 0.5,
      approvalsRequired: 1,
      forbidSelfApproval: true,
      ...options.policy,
      updatedAt: new Date(now.getTime() - DAY),
    },
    select: { id: true },
  });
  const scores = options.scores ?? [0.32, 0.34, 0.35];
  const versions: { id: number; version: number }[] = [];
  for (const [i, score] of scores.entries()) {
    const v = await db().modelVersion.create({
      data: { modelId: model.id, version: i + 1, trainedAt: new Date(now.getTime() - (scores.length - i) * 7 * DAY) },
      select: { id: true, version: true },
    });
    versions.push(v);
    await db().evaluation.createMany({
      data: [
        { modelId: model.id, versionId: v.id, metric: "ndcg@10", value: score },
        { modelId: model.id, versionId: v.id, metric: "popularity_bias", value: 0.6 - i * 0.01 },
      ],
    });
  }
  const [v1, v2, v3] = versions;
  await db().deployment.createMany({
    data: [
      { modelId: model.id, toVersionId: v1.id, reason: "initial", actor: "system:launch", createdAt: new Date(now.getTime() - 20 * DAY) },
      { modelId: model.id, fromVersionId: v1.id, toVersionId: v2.id, reason: "promotion", actor: "lead@test", createdAt: new Date(now.getTime() - 10 * DAY) },
    ],
  });
  await db().modelAlias.create({ data: { modelId: model.id, alias: "production", versionId: v2.id }, select: { id: true } });

  // A week of skew reports (training of v2 against each serving day), one of them anomalous if asked.
  const training = await db().featureStatistics.create({ data: { modelId: model.id, kind: "training", datasetKey: "training:v2", versionId: v2.id }, select: { id: true } });
  for (let i = 0; i < 7; i++) {
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - i));
    const key = `serving:${day.toISOString().slice(0, 10)}`;
    const serving = await db().featureStatistics.create({ data: { modelId: model.id, kind: "serving", datasetKey: key, day }, select: { id: true } });
    const anomalous = options.skewAnomalyDaysAgo === i;
    const report = await db().validationReport.create({
      data: { modelId: model.id, kind: "skew", baselineId: training.id, targetId: serving.id, day, versionId: v2.id, featureCount: 3, anomalyCount: anomalous ? 1 : 0, maxSeverity: anomalous ? 2.1 : 0.4, topFeature: "minutes_28d" },
      select: { id: true },
    });
    if (anomalous) {
      await db().validationFeatureResult.create({
        data: { reportId: report.id, modelId: model.id, kind: "skew", day, feature: "minutes_28d", featureType: "numeric", comparator: "jensen_shannon", distance: 0.21, threshold: 0.1, anomaly: true, severity: 2.1 },
      });
    }
  }

  const reviewer = await person("reviewer");
  const verdicts = options.reviews ?? ["better", "same"];
  for (const [i, verdict] of verdicts.entries()) {
    const listener = await db().listener.create({ data: { externalId: `listener-${tag}-${i}` }, select: { id: true } });
    await db().review.create({ data: { versionId: v3.id, baselineVersionId: v2.id, listenerId: listener.id, reviewerId: reviewer.id, verdict } });
  }

  const people = {
    engineer: await person("engineer"),
    lead: await person("lead", [shelf.id]),
    lead2: await person("lead", [shelf.id]),
    anyLead: await person("lead"),
    viewer: await person("viewer"),
    admin: await person("admin"),
    reviewer,
  };
  return { now, shelf, model, v1, v2, v3, people };
}

/** The production version number of a model, read straight from the alias. */
export async function productionOf(modelId: number): Promise<number | null> {
  const alias = await db().modelAlias.findUnique({ where: { modelId_alias: { modelId, alias: "production" } }, select: { version: { select: { version: true } } } });
  return alias?.version.version ?? null;
}

/** Another shelf with its own model, and a lead limited to it. */
export async function otherShelfLead(): Promise<Person> {
  const tag = randomUUID().slice(0, 8);
  const shelf = await db().shelf.create({ data: { slug: `other-${tag}`, title: "Other", team: "Other" }, select: { id: true } });
  return person("lead", [shelf.id]);
}
