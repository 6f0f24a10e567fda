import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { compareProfiles } from "../../lib/drift/compare";
import { DEFAULT_PROFILE_OPTIONS, PROFILE_FORMAT, type DatasetProfile, type FeatureProfile } from "../../lib/drift/profile";
import { createClient, db, type Db } from "../../lib/server/db";
import { seedCatalog } from "../../prisma/seed/catalog";
import { seedDemo } from "../../prisma/seed/demo";
import { seedOnlineMetrics } from "../../prisma/seed/online";
import { seedListenerPanel, seedSamplePanel } from "../../prisma/seed/panel";
import { seedPendingPromotion, seedReviews } from "../../prisma/seed/promotion";
import { isoDay, utcDay } from "../../prisma/seed/random";
import { seedModel } from "../../prisma/seed/shelves";
import { seedDemoUsers } from "../../prisma/seed/users";
import { PLANTED_NEW_VALUE, PLANTED_SKEW, plantedDay, seedValidationSeries } from "../../prisma/seed/validation";
import { seedVersions } from "../../prisma/seed/versions";
import { createTestDatabase } from "../support/test-database";

// A fixed anchor, so that both databases of the determinism test hold the same days.
const NOW = new Date("2026-03-04T15:30:00Z");
const TABLES = ["Shelf", "Model", "ModelVersion", "Evaluation", "OnlineMetric", "Deployment", "ModelAlias", "Item", "Listener", "RecommendationSample", "FeatureStatistics", "FeatureProfile", "Review", "PromotionRequest", "User", "Account", "LeadShelf", "AuditEvent"];

async function counts(client: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`))[0].n);
  return out;
}

// Content by natural keys (never ids or wall-clock columns), hashed inside Postgres.
const CONTENT: Record<string, string> = {
  items: `SELECT uri || type || title || creator || array_to_string(genres, ',') AS r FROM "Item"`,
  evaluations: `SELECT m.name || v.version || e.metric || e.dataset || e.value AS r FROM "Evaluation" e JOIN "ModelVersion" v ON v.id = e."versionId" JOIN "Model" m ON m.id = v."modelId"`,
  online: `SELECT m.name || o.day || o.metric || o.value || v.version AS r FROM "OnlineMetric" o JOIN "ModelVersion" v ON v.id = o."versionId" JOIN "Model" m ON m.id = o."modelId"`,
  samples: `SELECT m.name || v.version || l."externalId" || array_to_string(s.scores, ',') || (SELECT string_agg(i.uri, ',' ORDER BY x.n) FROM unnest(s."itemIds") WITH ORDINALITY x(id, n) JOIN "Item" i ON i.id = x.id) AS r
    FROM "RecommendationSample" s JOIN "ModelVersion" v ON v.id = s."versionId" JOIN "Model" m ON m.id = v."modelId" JOIN "Listener" l ON l.id = s."listenerId"`,
  profiles: `SELECT m.name || s."datasetKey" || f.name || f.stats::text AS r FROM "FeatureProfile" f JOIN "FeatureStatistics" s ON s.id = f."statisticsId" JOIN "Model" m ON m.id = s."modelId"`,
};

async function contentHashes(client: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(CONTENT)) {
    out[name] = (await client.$queryRawUnsafe<{ h: string }[]>(`SELECT md5(string_agg(r, E'\\n' ORDER BY r)) AS h FROM (${sql}) t`))[0].h;
  }
  return out;
}

async function profilesOf(modelName: string) {
  const stats = await db().featureStatistics.findMany({
    where: { model: { name: modelName } },
    select: { kind: true, day: true, versionId: true, numExamples: true, features: { select: { stats: true } } },
  });
  const toProfile = (s: (typeof stats)[number]): DatasetProfile => ({ format: PROFILE_FORMAT, numExamples: s.numExamples, options: DEFAULT_PROFILE_OPTIONS, features: s.features.map((f) => f.stats as unknown as FeatureProfile) });
  const serving = stats.filter((s) => s.kind === "serving").sort((a, b) => a.day!.getTime() - b.day!.getTime());
  return { training: stats.filter((s) => s.kind === "training").map((s) => ({ versionId: s.versionId, profile: toProfile(s) })), serving: serving.map((s) => ({ day: isoDay(s.day!), profile: toProfile(s) })) };
}

let firstRun: Record<string, number>;

beforeAll(async () => {
  const started = Date.now();
  const result = await seedDemo(db(), { now: NOW });
  console.log(`demo seed: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(result.created).toBe(true);
  firstRun = await counts(db());
}, 180_000);

describe("the demo seed", () => {
  it("creates the demo's shelves, versions, catalogue, panel, samples and statistics", async () => {
    const shelves = await db().shelf.findMany({ select: { slug: true, model: { select: { id: true, name: true } } }, orderBy: { position: "asc" } });
    expect(shelves.map((s) => [s.slug, s.model?.name])).toEqual([
      ["shows-you-might-like", "podcast-model"],
      ["shortcuts", "shortcuts-model"],
      ["try-something-else", "exploration-model"],
    ]);
    expect(firstRun.Item).toBeGreaterThanOrEqual(2000);
    expect(firstRun.Listener).toBeGreaterThanOrEqual(200);
    for (const { model } of shelves) {
      const versions = await db().modelVersion.findMany({ where: { modelId: model!.id }, select: { id: true, version: true }, orderBy: { version: "asc" } });
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
      const production = await db().modelAlias.findUniqueOrThrow({ where: { modelId_alias: { modelId: model!.id, alias: "production" } }, select: { versionId: true } });
      expect(production.versionId).toBe(versions[50].id);
      for (const versionId of [production.versionId, versions[51].id]) expect(await db().recommendationSample.count({ where: { versionId } })).toBe(firstRun.Listener);
      const serving = await db().featureStatistics.findMany({ where: { modelId: model!.id, kind: "serving" }, select: { featureCount: true, day: true } });
      expect(serving).toHaveLength(90);
      expect(Math.min(...serving.map((s) => s.featureCount))).toBeGreaterThanOrEqual(20);
      expect(await db().featureStatistics.count({ where: { modelId: model!.id, kind: "training" } })).toBe(52);
      expect(await db().onlineMetric.count({ where: { modelId: model!.id, metric: "stream_rate" } })).toBe(365);
    }
    expect(await db().promotionRequest.count({ where: { status: "pending" } })).toBe(1);
    const reasons = Object.fromEntries((await db().deployment.groupBy({ by: ["reason"], _count: { _all: true } })).map((r) => [r.reason, r._count._all]));
    expect(reasons).toMatchObject({ initial: 3, rollback: 1 });
    expect(reasons.promotion).toBeGreaterThan(120);
  });

  it("places one candidate below its gate threshold and the others above", async () => {
    const candidates = await db().$queryRaw<{ value: number; threshold: number; slug: string }[]>`
      SELECT e.value, g."absoluteThreshold" AS threshold, s.slug
      FROM "Evaluation" e JOIN "ModelVersion" v ON v.id = e."versionId" JOIN "Model" m ON m.id = v."modelId"
        JOIN "Shelf" s ON s.id = m."shelfId" JOIN "GatePolicy" g ON g."modelId" = m.id
      WHERE e.metric = 'ndcg@10' AND e.dataset = '' AND v.version = 52`;
    expect(candidates).toHaveLength(3);
    const below = candidates.filter((c) => c.value < c.threshold).map((c) => c.slug);
    expect(below).toEqual(["try-something-else"]);
  });

  it("does nothing the second time", async () => {
    expect(await seedDemo(db(), { now: NOW })).toEqual({ created: false });
    expect(await counts(db())).toEqual(firstRun);
  });

  it("plants the skew and the new value on their days, and nothing else crosses a threshold", async () => {
    const skewDay = isoDay(plantedDay(NOW, PLANTED_SKEW));
    const newValueDay = isoDay(plantedDay(NOW, PLANTED_NEW_VALUE));
    expect(skewDay).toBe(isoDay(new Date(utcDay(NOW).getTime() - 21 * 86_400_000)));
    for (const name of ["podcast-model", "shortcuts-model", "exploration-model"]) {
      const { training, serving } = await profilesOf(name);
      const production = await db().modelAlias.findFirstOrThrow({ where: { model: { name }, alias: "production" }, select: { versionId: true } });
      const baseline = training.find((t) => t.versionId === production.versionId)!.profile;
      const planted = name === PLANTED_SKEW.modelName;
      for (const { day, profile } of serving) {
        const result = compareProfiles(baseline, profile);
        const expected = planted ? [...(day >= skewDay ? [PLANTED_SKEW.feature] : []), ...(day >= newValueDay ? [PLANTED_NEW_VALUE.feature] : [])] : [];
        expect(result.features.filter((f) => f.anomaly).map((f) => f.name).sort(), `${name} ${day}`).toEqual(expected.sort());
        const newValues = result.schemaAnomalies.filter((a) => a.kind === "new_values");
        expect(newValues.map((a) => a.feature), `${name} ${day}`).toEqual(planted && day >= newValueDay ? [PLANTED_NEW_VALUE.feature] : []);
      }
    }
  });
});

describe("the factories", () => {
  it("builds a small model from defaults on an empty database", async () => {
    const client = createClient(await createTestDatabase(inject("databaseAdminUrl")), 2);
    try {
      const { modelId } = await seedModel(client, { slug: "factory-test" });
      const { versions, candidate } = await seedVersions(client, { modelId, count: 6, now: NOW });
      const { productionVersionId, deployedVersions } = await seedOnlineMetrics(client, { modelId, now: NOW, days: 30 });
      expect(productionVersionId).toBe(versions[4].id);
      expect(deployedVersions).toContain(1);
      const { items } = await seedCatalog(client, { count: 200 });
      const { listeners } = await seedListenerPanel(client, { count: 10, items });
      await seedSamplePanel(client, { productionVersionId, candidateVersionId: candidate.id, listeners, items });
      const { features, servingIds } = await seedValidationSeries(client, { modelId, now: NOW, days: 3, rows: 200 });
      expect(features.length).toBeGreaterThanOrEqual(20);
      expect(servingIds).toHaveLength(3);
      const { byEmail } = await seedDemoUsers(client);
      await seedReviews(client, { versionId: candidate.id, reviewerId: byEmail["reviewer@shelfwatch.demo"], count: 3 });
      const { requestId } = await seedPendingPromotion(client, { modelId });
      expect(await client.promotionRequest.findUniqueOrThrow({ where: { id: requestId }, select: { versionId: true } })).toEqual({ versionId: candidate.id });
      expect(await client.recommendationSample.count()).toBe(20);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("determinism", () => {
  let other: Db | null = null;
  afterAll(async () => {
    await other?.$disconnect();
  });

  it("gives identical content in two fresh databases", async () => {
    other = createClient(await createTestDatabase(inject("databaseAdminUrl")), 2);
    const started = Date.now();
    expect(await seedDemo(other, { now: NOW })).toEqual({ created: true });
    console.log(`demo seed (second database): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(await contentHashes(other)).toEqual(await contentHashes(db()));
  }, 180_000);
});
