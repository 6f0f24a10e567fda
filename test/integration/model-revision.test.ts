import { describe, expect, it } from "vitest";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { compareScores } from "../../lib/server/registry/compare-scores";
import { getMetricSeries } from "../../lib/server/registry/get-metric-series";
import { getShelfRegistry } from "../../lib/server/registry/get-shelf-registry";
import { listVersionRows } from "../../lib/server/registry/list-version-rows";
import { recordEvaluations } from "../../lib/server/registry/record-evaluations";
import { registerVersion } from "../../lib/server/registry/register-version";
import { getVersionGate } from "../../lib/server/promotions/get-version-gate";
import { getVersionReviewSummary } from "../../lib/server/review/get-version-review-summary";
import { freshModel, userCtx } from "./registry-fixtures";

// Registry reads are kept in the process while a model's revision stands; the revision is bumped by
// triggers on every write to the model's registry rows. These tests write by every route a change can
// come (the data layer, plain SQL as an operator would) and read straight after: never a stale answer.

const ctx = systemCtx("test");
const revision = async (modelId: number) => (await db().model.findUniqueOrThrow({ where: { id: modelId }, select: { revision: true } })).revision;

describe("a model's revision", () => {
  it("moves once per statement, however many rows it writes, and only for the model written to", async () => {
    const a = await freshModel();
    const b = await freshModel();
    const { version } = await registerVersion({ ctx, input: { model: a.modelName } });
    const [beforeA, beforeB] = [await revision(a.modelId), await revision(b.modelId)];
    await recordEvaluations({ ctx, input: { model: a.modelName, version: version.version, evaluations: Array.from({ length: 500 }, (_, i) => ({ metric: `m${i}`, value: i / 500 })) } });
    expect(await revision(a.modelId)).toBe(beforeA + 1n);
    expect(await revision(b.modelId)).toBe(beforeB);
  });

  it("moves on updates and deletes made outside the data layer", async () => {
    const m = await freshModel();
    const { version } = await registerVersion({ ctx, input: { model: m.modelName } });
    await recordEvaluations({ ctx, input: { model: m.modelName, version: version.version, evaluations: [{ metric: "ndcg@10", value: 0.3 }] } });
    const r0 = await revision(m.modelId);
    await db().$executeRaw`UPDATE "Evaluation" SET value = 0.31 WHERE "modelId" = ${m.modelId}`;
    const r1 = await revision(m.modelId);
    expect(r1).toBeGreaterThan(r0);
    await db().$executeRaw`DELETE FROM "Evaluation" WHERE "modelId" = ${m.modelId}`;
    expect(await revision(m.modelId)).toBeGreaterThan(r1);
  });
});

describe("a score's version", () => {
  it("must be a version of the score's own model, checked once per statement for any writer", async () => {
    const a = await freshModel();
    const b = await freshModel();
    await registerVersion({ ctx, input: { model: a.modelName } });
    await registerVersion({ ctx, input: { model: b.modelName } });
    const [va, vb] = await Promise.all([a, b].map((m) => db().modelVersion.findFirstOrThrow({ where: { modelId: m.modelId }, select: { id: true } })));
    await db().$executeRaw`INSERT INTO "Evaluation" ("modelId", "versionId", metric, value) VALUES (${a.modelId}, ${va!.id}, 'm', 0.1)`;
    // One good row and one naming the other model's version: the statement fails whole.
    await expect(db().$executeRaw`INSERT INTO "Evaluation" ("modelId", "versionId", metric, value) VALUES (${a.modelId}, ${va!.id}, 'n', 0.1), (${a.modelId}, ${vb!.id}, 'm', 0.2)`).rejects.toThrow(/names no version of its model/);
    await expect(db().$executeRaw`UPDATE "Evaluation" SET "versionId" = ${vb!.id} WHERE "modelId" = ${a.modelId}`).rejects.toThrow(/names no version of its model/);
    expect(await db().evaluation.count({ where: { modelId: a.modelId } })).toBe(1);
    // Deleting the version deletes its scores.
    await db().modelVersion.delete({ where: { id: va!.id } });
    expect(await db().evaluation.count({ where: { modelId: a.modelId } })).toBe(0);
  });
});

describe("registry reads kept per revision", () => {
  it("show a new score, a corrected score and a changed threshold at the next read", async () => {
    const m = await freshModel(0.3);
    const v1 = (await registerVersion({ ctx, input: { model: m.modelName } })).version.version;
    const v2 = (await registerVersion({ ctx, input: { model: m.modelName } })).version.version;
    await recordEvaluations({ ctx, input: { model: m.modelName, version: v1, evaluations: [{ metric: "ndcg@10", value: 0.31 }] } });

    const series = () => getMetricSeries({ ctx, input: { model: m.modelName, maxPoints: 600 } });
    expect((await series()).points.map((p) => p.value)).toEqual([0.31]);
    expect((await series()).points.map((p) => p.value)).toEqual([0.31]); // kept

    await recordEvaluations({ ctx, input: { model: m.modelName, version: v2, evaluations: [{ metric: "ndcg@10", value: 0.29 }] } });
    expect((await series()).points.map((p) => p.value)).toEqual([0.31, 0.29]);

    // A correction by hand, as an operator might make it.
    await db().$executeRaw`UPDATE "Evaluation" SET value = 0.35 WHERE "modelId" = ${m.modelId} AND "versionId" = (SELECT id FROM "ModelVersion" WHERE "modelId" = ${m.modelId} AND version = ${v2})`;
    expect((await series()).points.map((p) => p.value)).toEqual([0.31, 0.35]);
    const rows = await listVersionRows({ ctx, input: { model: m.modelName, page: 1, pageSize: 25, sort: "version", dir: "desc" } });
    expect(rows.rows.map((r) => [r.version, r.score, r.meetsThreshold])).toEqual([[v2, 0.35, true], [v1, 0.31, true]]);

    await db().gatePolicy.update({ where: { modelId: m.modelId }, data: { absoluteThreshold: 0.32 } });
    expect((await series()).threshold).toBe(0.32);
    const after = await listVersionRows({ ctx, input: { model: m.modelName, page: 1, pageSize: 25, sort: "version", dir: "desc" } });
    expect(after.rows.map((r) => r.meetsThreshold)).toEqual([true, false]);
  });

  it("show a new production version on the shelf's summary and in comparisons at once", async () => {
    const m = await freshModel(0.3);
    const v1 = (await registerVersion({ ctx, input: { model: m.modelName } })).version;
    const v2 = (await registerVersion({ ctx, input: { model: m.modelName } })).version;
    await recordEvaluations({ ctx, input: { model: m.modelName, version: v1.version, evaluations: [{ metric: "ndcg@10", value: 0.31 }] } });
    await recordEvaluations({ ctx, input: { model: m.modelName, version: v2.version, evaluations: [{ metric: "ndcg@10", value: 0.33 }] } });
    const ids = await db().modelVersion.findMany({ where: { modelId: m.modelId }, orderBy: { version: "asc" }, select: { id: true } });
    await db().modelAlias.create({ data: { modelId: m.modelId, alias: "production", versionId: ids[0]!.id } });

    expect((await getShelfRegistry({ ctx, input: { slug: m.slug } })).production?.version).toBe(v1.version);
    expect((await compareScores({ ctx, input: { model: m.modelName, version: v2.version } })).baseline?.version).toBe(v1.version);

    await db().modelAlias.update({ where: { modelId_alias: { modelId: m.modelId, alias: "production" } }, data: { versionId: ids[1]!.id } });
    const registry = await getShelfRegistry({ ctx, input: { slug: m.slug } });
    expect(registry.production?.version).toBe(v2.version);
    expect(registry.candidate).toBeNull();
    expect((await compareScores({ ctx, input: { model: m.modelName, version: v2.version } })).baseline?.role).not.toBe("production");
  });
});

describe("what a version page shows beside the registry, kept per revision", () => {
  it("shows a new review, a reviewer's new name and a changed catalogue item at the next read", async () => {
    const m = await freshModel(0.3);
    const v1 = (await registerVersion({ ctx, input: { model: m.modelName } })).version;
    const { id: versionId } = await db().modelVersion.findUniqueOrThrow({ where: { modelId_version: { modelId: m.modelId, version: v1.version } }, select: { id: true } });
    const reviewer = await userCtx("reviewer");
    const reviewerId = reviewer.actor.kind === "user" ? reviewer.actor.id : "";
    const listener = await db().listener.create({ data: { externalId: `l-${m.slug}` }, select: { id: true } });
    const item = await db().item.create({ data: { uri: `item:${m.slug}`, type: "podcast", title: "Old title" }, select: { id: true } });
    const input = { slug: m.slug, version: v1.version };

    const gate = () => getVersionGate({ ctx, input });
    const summary = () => getVersionReviewSummary({ ctx, input });
    expect((await summary()).total).toBe(0);
    expect((await gate()).checks.find((c) => c.id === "reviews_count")?.verdict).toBe("no_data");

    await db().review.create({
      data: { versionId, listenerId: listener.id, reviewerId, verdict: "better", comment: "good", itemFlags: [{ itemId: item.id, flags: ["stale"] }] },
    });
    const reviewed = await summary();
    expect(reviewed.verdicts.better).toBe(1);
    expect(reviewed.comments[0]?.reviewer).toBe("reviewer");
    expect(reviewed.flagged[0]?.title).toBe("Old title");
    expect((await gate()).checks.find((c) => c.id === "reviews_count")?.observed).toBe(1);

    await db().user.update({ where: { id: reviewerId }, data: { name: "Renamed Reviewer" } });
    expect((await summary()).comments[0]?.reviewer).toBe("Renamed Reviewer");
    await db().$executeRaw`UPDATE "Item" SET title = 'New title' WHERE id = ${item.id}`;
    expect((await summary()).flagged[0]?.title).toBe("New title");
  });

  it("moves with validation reports and their feature results, and not with an update that changes no item", async () => {
    const m = await freshModel();
    const r0 = await revision(m.modelId);
    const stats = await db().featureStatistics.create({ data: { modelId: m.modelId, kind: "training", datasetKey: "training:test" }, select: { id: true } });
    expect(await revision(m.modelId)).toBe(r0);
    await db().$executeRaw`INSERT INTO "ValidationReport" ("modelId", kind, "baselineId", "targetId", "featureCount", "anomalyCount", "maxSeverity")
      VALUES (${m.modelId}, 'skew', ${stats.id}, ${stats.id}, 1, 0, 0)`;
    expect(await revision(m.modelId)).toBeGreaterThan(r0);
    const r1 = await revision(m.modelId);
    await db().$executeRaw`UPDATE "Item" SET title = title WHERE false`;
    expect(await revision(m.modelId)).toBe(r1);
  });
});
