import { describe, expect, it } from "vitest";
import { systemCtx, type Ctx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { compareScores } from "../../lib/server/registry/compare-scores";
import { getMetricSeries } from "../../lib/server/registry/get-metric-series";
import { getOnlineSeries } from "../../lib/server/registry/get-online-series";
import { getShelfRegistry } from "../../lib/server/registry/get-shelf-registry";
import { getVersion } from "../../lib/server/registry/get-version";
import { listVersionRows } from "../../lib/server/registry/list-version-rows";
import { recordEvaluations } from "../../lib/server/registry/record-evaluations";
import { bulkVersions, freshModel, userCtx } from "./registry-fixtures";

const DAY = 86_400_000;
const START = new Date("2026-01-01T00:00:00Z");
const tokenCtx = (scopes: ("ingest" | "gate" | "read")[]): Ctx => ({ actor: { kind: "token", id: 1, name: "t", scopes }, now: new Date() });

/**
 * Six weekly versions; ndcg@10 by version 0.30 .. 0.35 except v4 which regressed (0.28); popularity_bias
 * (lower is better) falls; v1 launched, v2 and v3 promoted, v5 promoted then rolled back to v3;
 * v6 is the newest and waits. An undeclared metric "serendipity" is scored on v3 and v6.
 */
async function shelfWithHistory() {
  const m = await freshModel(0.3);
  const versions = await bulkVersions(m.modelId, 6, START);
  const id = (v: number) => versions[v - 1]!.id;
  const ndcg = [0.3, 0.31, 0.32, 0.28, 0.34, 0.35];
  for (const [i, value] of ndcg.entries()) {
    await recordEvaluations({
      ctx: systemCtx("test"),
      input: {
        model: m.modelName,
        version: i + 1,
        evaluations: [
          { metric: "ndcg@10", value },
          { metric: "popularity_bias", value: 0.7 - i * 0.01 },
          { metric: "ndcg@10", dataset: "slice:new-listeners", value: value * 0.8 },
          ...(i === 2 || i === 5 ? [{ metric: "serendipity", value: 0.1 + i / 100 }] : []),
        ],
      },
    });
  }
  const at = (v: number, hours: number) => new Date(START.getTime() + (v - 1) * 7 * DAY + hours * 3_600_000);
  await db().deployment.createMany({
    data: [
      { modelId: m.modelId, toVersionId: id(1), reason: "initial", actor: "launch", createdAt: at(1, 30) },
      { modelId: m.modelId, fromVersionId: id(1), toVersionId: id(2), reason: "promotion", actor: "lead", createdAt: at(2, 50) },
      { modelId: m.modelId, fromVersionId: id(2), toVersionId: id(3), reason: "promotion", actor: "lead", createdAt: at(3, 50) },
      { modelId: m.modelId, fromVersionId: id(3), toVersionId: id(5), reason: "promotion", actor: "lead", createdAt: at(5, 50) },
      { modelId: m.modelId, fromVersionId: id(5), toVersionId: id(3), reason: "rollback", actor: "lead", createdAt: at(5, 100) },
    ],
  });
  await db().modelAlias.create({ data: { modelId: m.modelId, alias: "production", versionId: id(3) } });
  return { ...m, id, at };
}

describe("getShelfRegistry", () => {
  it("answers which version is in production, since when, and whether the candidate is better", async () => {
    const s = await shelfWithHistory();
    const dto = await getShelfRegistry({ ctx: await userCtx("viewer"), input: { slug: s.slug } });
    expect(dto.model?.name).toBe(s.modelName);
    expect(dto.production).toEqual({ version: 3, since: s.at(5, 100).toISOString(), score: 0.32 });
    expect(dto.candidate).toMatchObject({ version: 6, score: 0.35, verdict: "better", meetsThreshold: true, pendingPromotion: false });
    expect(dto.candidate?.delta).toBeCloseTo(0.03, 10);
    expect(dto.versionCount).toBe(6);
    // Declared metrics in order (primary first), then the undeclared one scores were posted for.
    expect(dto.metrics.map((x) => x.name)).toEqual(["ndcg@10", "recall@50", "coverage", "diversity", "popularity_bias", "serendipity"]);
    expect(dto.metrics.at(-1)).toEqual({ name: "serendipity", direction: null, declared: false });
  });

  it("takes the version of a pending promotion as the candidate", async () => {
    const s = await shelfWithHistory();
    await db().promotionRequest.create({ data: { modelId: s.modelId, versionId: s.id(4), pendingKey: s.modelId, requestedBy: "x" } });
    const dto = await getShelfRegistry({ ctx: systemCtx("test"), input: { slug: s.slug } });
    expect(dto.candidate).toMatchObject({ version: 4, verdict: "worse", meetsThreshold: false, pendingPromotion: true });
  });

  it("describes a shelf without a model, and refuses an unknown shelf or a token without read", async () => {
    await db().shelf.create({ data: { slug: "empty-shelf", title: "Empty", team: "t" } });
    expect(await getShelfRegistry({ ctx: systemCtx("test"), input: { slug: "empty-shelf" } })).toMatchObject({ model: null, versionCount: 0, metrics: [] });
    await expect(getShelfRegistry({ ctx: systemCtx("test"), input: { slug: "no-such-shelf" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getShelfRegistry({ ctx: tokenCtx(["ingest"]), input: { slug: "empty-shelf" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("listVersionRows", () => {
  it("sorts on the server by version, training time or primary metric, with status", async () => {
    const s = await shelfWithHistory();
    const ctx = await userCtx("viewer");
    const byVersion = await listVersionRows({ ctx, input: { model: s.modelName } });
    expect(byVersion.rows.map((r) => [r.version, r.status, r.wasProduction])).toEqual([
      [6, "candidate", false],
      [5, "earlier", true],
      [4, "earlier", false],
      [3, "production", true],
      [2, "earlier", true],
      [1, "earlier", true],
    ]);
    expect(byVersion.rows.find((r) => r.version === 4)).toMatchObject({ score: 0.28, meetsThreshold: false });
    const byMetric = await listVersionRows({ ctx, input: { model: s.modelName, sort: "metric", dir: "desc" } });
    expect(byMetric.rows.map((r) => r.version)).toEqual([6, 5, 3, 2, 1, 4]);
    const ascending = await listVersionRows({ ctx, input: { model: s.modelName, sort: "metric", dir: "asc" } });
    expect(ascending.rows.map((r) => r.version)).toEqual([4, 1, 2, 3, 5, 6]);
    const trained = await listVersionRows({ ctx, input: { model: s.modelName, sort: "trained", dir: "asc" } });
    expect(trained.rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("pages with exact boundaries and clamps a page past the end to the last one", async () => {
    const s = await freshModel();
    await bulkVersions(s.modelId, 51);
    const ctx = systemCtx("test");
    const first = await listVersionRows({ ctx, input: { model: s.modelName, pageSize: 25 } });
    expect(first).toMatchObject({ total: 51, page: 1, pageCount: 3 });
    expect([first.rows[0]!.version, first.rows.at(-1)!.version]).toEqual([51, 27]);
    const second = await listVersionRows({ ctx, input: { model: s.modelName, pageSize: 25, page: 2 } });
    expect([second.rows[0]!.version, second.rows.at(-1)!.version]).toEqual([26, 2]);
    const last = await listVersionRows({ ctx, input: { model: s.modelName, pageSize: 25, page: 3 } });
    expect(last.rows.map((r) => r.version)).toEqual([1]);
    const beyond = await listVersionRows({ ctx, input: { model: s.modelName, pageSize: 25, page: 99 } });
    expect(beyond.page).toBe(3);
    // Unscored versions sort last whichever the direction.
    expect((await listVersionRows({ ctx, input: { model: s.modelName, sort: "metric", dir: "asc", pageSize: 2 } })).rows.map((r) => r.score)).toEqual([null, null]);
  });

  it("refuses a token without the read scope and an unknown model", async () => {
    const s = await freshModel();
    await expect(listVersionRows({ ctx: tokenCtx(["gate"]), input: { model: s.modelName } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listVersionRows({ ctx: systemCtx("test"), input: { model: "nope" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getMetricSeries", () => {
  it("puts each version beside production's score when it was trained, with the threshold for the primary metric", async () => {
    const s = await shelfWithHistory();
    const dto = await getMetricSeries({ ctx: systemCtx("test"), input: { model: s.modelName } });
    expect(dto).toMatchObject({ metric: "ndcg@10", direction: "higher_is_better", threshold: 0.3, scored: 6, productionVersion: 3 });
    expect(dto.points.map((p) => [p.version, p.productionVersion, p.production, p.deployed])).toEqual([
      [1, null, null, true],
      [2, 1, 0.3, true],
      [3, 2, 0.31, true],
      [4, 3, 0.32, false],
      [5, 3, 0.32, true],
      [6, 3, 0.32, false],
    ]);
    const bias = await getMetricSeries({ ctx: systemCtx("test"), input: { model: s.modelName, metric: "popularity_bias" } });
    expect(bias).toMatchObject({ direction: "lower_is_better", threshold: null });
    const undeclared = await getMetricSeries({ ctx: systemCtx("test"), input: { model: s.modelName, metric: "serendipity" } });
    expect(undeclared).toMatchObject({ direction: null, threshold: null, scored: 2 });
    const slice = await getMetricSeries({ ctx: systemCtx("test"), input: { model: s.modelName, dataset: "slice:new-listeners" } });
    expect(slice.threshold).toBeNull();
  });

  it("downsamples thousands of versions to the budget while keeping every production change", async () => {
    const m = await freshModel();
    const versions = await bulkVersions(m.modelId, 3_000, new Date("2000-01-01T00:00:00Z"));
    await db().$executeRaw`INSERT INTO "Evaluation" ("modelId", "versionId", "metric", "value", "dataset")
      SELECT ${m.modelId}::int, v.id, 'ndcg@10', 0.3 + sin(v.version / 40.0) * 0.02 + (v.version % 7) * 0.001, '' FROM "ModelVersion" v WHERE v."modelId" = ${m.modelId}::int`;
    const deployedEvery = 97;
    const deployed = versions.filter((v) => v.version % deployedEvery === 0);
    await db().deployment.createMany({ data: deployed.map((v) => ({ modelId: m.modelId, toVersionId: v.id, reason: "promotion" as const, actor: "x", createdAt: new Date(v.trainedAt.getTime() + DAY) })) });
    await db().modelAlias.create({ data: { modelId: m.modelId, alias: "production", versionId: deployed.at(-1)!.id } });
    const dto = await getMetricSeries({ ctx: systemCtx("test"), input: { model: m.modelName, maxPoints: 200 } });
    expect(dto.scored).toBe(3_000);
    expect(dto.points.length).toBeLessThanOrEqual(200);
    const shown = new Set(dto.points.map((p) => p.version));
    for (const v of deployed) {
      expect(shown.has(v.version)).toBe(true);
      expect(shown.has(v.version + 1)).toBe(true); // the first version trained under the new production
    }
    expect(shown.has(1) && shown.has(3_000)).toBe(true);
  });

  it("never serves a stale chart: a changed score or a new deployment shows at the next read", async () => {
    const s = await shelfWithHistory();
    const ctx = systemCtx("test");
    const before = await getMetricSeries({ ctx, input: { model: s.modelName } });
    expect(before.points.find((p) => p.version === 6)?.value).toBe(0.35);
    await recordEvaluations({ ctx, input: { model: s.modelName, version: 6, evaluations: [{ metric: "ndcg@10", value: 0.36 }] } });
    expect((await getMetricSeries({ ctx, input: { model: s.modelName } })).points.find((p) => p.version === 6)?.value).toBe(0.36);
    // Two scores swapped between versions keep the count and the sum: the stamp still changes.
    await db().$executeRaw`UPDATE "Evaluation" SET "value" = CASE WHEN "versionId" = ${s.id(1)}::int THEN 0.31 ELSE 0.3 END
      WHERE "metric" = 'ndcg@10' AND "dataset" = '' AND "versionId" IN (${s.id(1)}::int, ${s.id(2)}::int)`;
    const swapped = await getMetricSeries({ ctx, input: { model: s.modelName } });
    expect(swapped.points.slice(0, 2).map((p) => p.value)).toEqual([0.31, 0.3]);
    await db().deployment.create({ data: { modelId: s.modelId, fromVersionId: s.id(3), toVersionId: s.id(6), reason: "promotion", actor: "lead", createdAt: s.at(6, 60) } });
    expect((await getMetricSeries({ ctx, input: { model: s.modelName } })).points.find((p) => p.version === 6)?.deployed).toBe(true);
  });

  it("refuses a token without the read scope", async () => {
    const s = await freshModel();
    await expect(getMetricSeries({ ctx: tokenCtx(["ingest"]), input: { model: s.modelName } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("getOnlineSeries", () => {
  it("charts one value per day (production's when two versions served) with the deployments in the window", async () => {
    const s = await shelfWithHistory();
    const now = new Date(START.getTime() + 40 * DAY + 5 * 3_600_000);
    const rows = [];
    for (let d = 0; d < 40; d++) {
      const day = new Date(START.getTime() + d * DAY);
      rows.push({ modelId: s.modelId, versionId: s.id(1), day, metric: "stream_rate", value: 0.04 + d / 10_000 });
      if (d === 20) rows.push({ modelId: s.modelId, versionId: s.id(4), day, metric: "stream_rate", value: 0.9 });
      rows.push({ modelId: s.modelId, versionId: s.id(1), day, metric: "impressions", value: 1000 + d });
    }
    await db().onlineMetric.createMany({ data: rows });
    const dto = await getOnlineSeries({ ctx: { ...systemCtx("test"), now }, input: { model: s.modelName, days: 30 } });
    expect(dto).toMatchObject({ metric: "stream_rate", metrics: ["impressions", "stream_rate"], from: "2026-01-12", to: "2026-02-10" });
    expect(dto.points).toHaveLength(29); // 12 Jan .. 9 Feb; nothing posted for the 10th yet
    // On 21 Jan v1 and v4 both reported; neither was production (v3 was), so the newest reporting version is charted.
    expect(dto.points.find((p) => p.day === START.getTime() + 20 * DAY)?.version).toBe(4);
    expect(dto.deployments.map((d) => [d.toVersion, d.reason])).toEqual([
      [3, "promotion"],
      [5, "promotion"],
      [3, "rollback"],
    ]);
    const impressions = await getOnlineSeries({ ctx: { ...systemCtx("test"), now }, input: { model: s.modelName, metric: "impressions", days: 7 } });
    expect(impressions.points.map((p) => p.value)).toEqual([1034, 1035, 1036, 1037, 1038, 1039]);
  });

  it("returns an empty series for a model without online metrics, and refuses a token without read", async () => {
    const s = await freshModel();
    expect(await getOnlineSeries({ ctx: systemCtx("test"), input: { model: s.modelName } })).toMatchObject({ metric: null, metrics: [], points: [] });
    await expect(getOnlineSeries({ ctx: tokenCtx(["ingest"]), input: { model: s.modelName } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("compareScores", () => {
  it("compares with production by default, colouring each delta by the metric's direction", async () => {
    const s = await shelfWithHistory();
    const dto = await compareScores({ ctx: await userCtx("viewer"), input: { model: s.modelName, version: 6 } });
    expect(dto.baseline).toEqual({ version: 3, role: "production" });
    const row = (metric: string, dataset = "") => dto.rows.find((r) => r.metric === metric && r.dataset === dataset)!;
    expect(dto.rows.map((r) => `${r.metric}|${r.dataset}`)).toEqual(["ndcg@10|", "ndcg@10|slice:new-listeners", "popularity_bias|", "serendipity|"]);
    expect(row("ndcg@10")).toMatchObject({ primary: true, value: 0.35, baseline: 0.32, verdict: "better", threshold: 0.3, meetsThreshold: true });
    // Lower is better: a fall is an improvement.
    expect(row("popularity_bias")).toMatchObject({ direction: "lower_is_better", verdict: "better" });
    expect(row("popularity_bias").delta).toBeCloseTo(-0.03, 10);
    // Undeclared: shown with its change, without a verdict.
    expect(row("serendipity")).toMatchObject({ direction: null, verdict: null });
    expect(row("serendipity").delta).toBeCloseTo(0.03, 10);
    expect(row("ndcg@10", "slice:new-listeners")).toMatchObject({ primary: false, threshold: null, verdict: "better" });
  });

  it("compares production with the version it displaced, and any version with the one chosen", async () => {
    const s = await shelfWithHistory();
    const ctx = systemCtx("test");
    expect((await compareScores({ ctx, input: { model: s.modelName, version: 3 } })).baseline).toEqual({ version: 5, role: "displaced" });
    const chosen = await compareScores({ ctx, input: { model: s.modelName, version: 4, compare: 2 } });
    expect(chosen.baseline).toEqual({ version: 2, role: "chosen" });
    expect(chosen.rows[0]).toMatchObject({ metric: "ndcg@10", verdict: "worse", meetsThreshold: false });
    const missing = await compareScores({ ctx, input: { model: s.modelName, version: 4, compare: 60 } });
    expect(missing).toMatchObject({ baseline: null, missing: 60 });
    expect(missing.rows[0]).toMatchObject({ value: 0.28, baseline: null, delta: null, verdict: null });
    const same = await compareScores({ ctx, input: { model: s.modelName, version: 4, compare: 4 } });
    expect(same.rows[0]).toMatchObject({ delta: 0, verdict: "same" });
  });

  it("falls back to the parent for a version without production, and refuses unknown versions and tokens without read", async () => {
    const m = await freshModel();
    const versions = await bulkVersions(m.modelId, 2);
    await db().modelVersion.update({ where: { id: versions[1]!.id }, data: { parentVersionId: versions[0]!.id } });
    expect((await compareScores({ ctx: systemCtx("test"), input: { model: m.modelName, version: 2 } })).baseline).toEqual({ version: 1, role: "parent" });
    expect((await compareScores({ ctx: systemCtx("test"), input: { model: m.modelName, version: 1 } })).baseline).toBeNull();
    await expect(compareScores({ ctx: systemCtx("test"), input: { model: m.modelName, version: 9 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(compareScores({ ctx: tokenCtx(["ingest"]), input: { model: m.modelName, version: 1 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("getVersion", () => {
  it("says when a version served production, including a rolled-back one", async () => {
    const s = await shelfWithHistory();
    const ctx = systemCtx("test");
    const v3 = await getVersion({ ctx, input: { model: s.modelName, version: 3 } });
    expect(v3).toMatchObject({ status: "production", productionVersion: 3, aliases: ["production"] });
    expect(v3.servedProduction).toEqual([
      { from: s.at(5, 100).toISOString(), to: null },
      { from: s.at(3, 50).toISOString(), to: s.at(5, 50).toISOString() },
    ]);
    const v5 = await getVersion({ ctx, input: { model: s.modelName, version: 5 } });
    expect(v5).toMatchObject({ status: "earlier", servedProduction: [{ from: s.at(5, 50).toISOString(), to: s.at(5, 100).toISOString() }] });
    expect((await getVersion({ ctx, input: { model: s.modelName, version: 6 } })).status).toBe("candidate");
    await expect(getVersion({ ctx: tokenCtx(["ingest"]), input: { model: s.modelName, version: 6 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stores scores with the caller's clock, in UTC", async () => {
    const m = await freshModel();
    await bulkVersions(m.modelId, 1);
    const now = new Date("2026-05-06T07:08:09.123Z");
    await recordEvaluations({ ctx: { ...systemCtx("test"), now }, input: { model: m.modelName, version: 1, evaluations: [{ metric: "x", value: 1 }] } });
    expect((await db().evaluation.findFirstOrThrow({ where: { modelId: m.modelId }, select: { createdAt: true } })).createdAt.toISOString()).toBe(now.toISOString());
  });
});
