import type { Db } from "../../lib/server/db";
import { seedModel } from "../../prisma/seed/shelves";

// The registry at the scale the shelf and version pages must hold up to: one model with 10,000 versions
// and 1,000,000 scores, a production history and three years of daily online metrics. Written with
// set-based SQL: seeding is not what is measured.

export const SCALE = { versions: 10_000, metrics: ["ndcg@10", "recall@50", "coverage", "diversity", "popularity_bias"], datasets: 20, deployEvery: 4, onlineDays: 1_095 };
export const BENCH_SLUG = "bench-shelf";
export const BENCH_MODEL = "bench-model";

const HOURS_BETWEEN_VERSIONS = 6;

/** Seeds the scale model; returns its id and the production and candidate version numbers. */
export async function seedRegistryScale(db: Db, now: Date): Promise<{ modelId: number; production: number; candidate: number; scores: number }> {
  const { modelId } = await seedModel(db, { slug: BENCH_SLUG, modelName: BENCH_MODEL, now: new Date(now.getTime() - 4_000 * 86_400_000) });
  const n = SCALE.versions;
  const first = new Date(now.getTime() - (n + 4) * HOURS_BETWEEN_VERSIONS * 3_600_000);

  await db.$executeRaw`
    INSERT INTO "ModelVersion" ("modelId", "version", "createdAt", "trainedAt", "dataWindowStart", "dataWindowEnd", "pipelineRunId", "pipelineRunUrl", "codeRevision", "hyperparameters", "artifactUri", "tags", "createdBy")
    SELECT ${modelId}::int, g,
      ${first}::timestamptz AT TIME ZONE 'UTC' + make_interval(hours => g * ${HOURS_BETWEEN_VERSIONS}::int + 1),
      ${first}::timestamptz AT TIME ZONE 'UTC' + make_interval(hours => g * ${HOURS_BETWEEN_VERSIONS}::int),
      date_trunc('day', ${first}::timestamptz AT TIME ZONE 'UTC' + make_interval(hours => g * ${HOURS_BETWEEN_VERSIONS}::int)) - interval '28 days',
      date_trunc('day', ${first}::timestamptz AT TIME ZONE 'UTC' + make_interval(hours => g * ${HOURS_BETWEEN_VERSIONS}::int)),
      'bench-run-' || g, 'https://pipelines.example.com/runs/bench-run-' || g, md5(g::text),
      jsonb_build_object('learning_rate', 0.001 + (g % 5) * 0.0005, 'embedding_dim', 64 * (1 + g % 3), 'epochs', 8 + g % 4),
      'gs://bench-artifacts/v' || g, jsonb_build_object('trigger', 'schedule'), 'pipeline:bench'
    FROM generate_series(1, ${n}::int) g`;
  await db.$executeRaw`UPDATE "ModelVersion" c SET "parentVersionId" = p.id FROM "ModelVersion" p
    WHERE c."modelId" = ${modelId}::int AND p."modelId" = c."modelId" AND p."version" = c."version" - 1`;

  // 5 metrics × 20 datasets (the main set and 19 slices) per version: 100 scores each.
  await db.$executeRaw`
    INSERT INTO "Evaluation" ("modelId", "versionId", "metric", "value", "dataset", "createdAt")
    SELECT ${modelId}::int, v.id, m.name,
      round((m.base + 0.03 * (v."version"::float8 / ${n}::int) + 0.004 * sin(v."version" / 37.0) + 0.002 * sin(v."version" * 12.9898 + d.i)
             - CASE WHEN v."version" % 29 = 0 THEN 0.02 ELSE 0 END)::numeric, 4)::float8,
      CASE WHEN d.i = 0 THEN '' ELSE 'slice:' || d.i END, v."createdAt"
    FROM "ModelVersion" v
    CROSS JOIN (VALUES ('ndcg@10', 0.31), ('recall@50', 0.64), ('coverage', 0.33), ('diversity', 0.57), ('popularity_bias', 0.6)) m(name, base)
    CROSS JOIN generate_series(0, ${SCALE.datasets - 1}::int) d(i)
    WHERE v."modelId" = ${modelId}::int`;

  // Every fourth version went to production two hours after training; the newest waits as candidate.
  await db.$executeRaw`
    INSERT INTO "Deployment" ("modelId", "fromVersionId", "toVersionId", "reason", "actor", "comment", "createdAt")
    SELECT ${modelId}::int, lag(v.id) OVER (ORDER BY v."version"), v.id,
      (CASE WHEN v."version" = 1 THEN 'initial' ELSE 'promotion' END)::"DeploymentReason", 'pipeline:bench', '', v."trainedAt" + interval '2 hours'
    FROM "ModelVersion" v WHERE v."modelId" = ${modelId}::int AND (v."version" = 1 OR v."version" % ${SCALE.deployEvery}::int = 0) AND v."version" < ${n}::int`;
  const production = Math.floor((n - 1) / SCALE.deployEvery) * SCALE.deployEvery;
  await db.$executeRaw`INSERT INTO "ModelAlias" ("modelId", "alias", "versionId")
    SELECT ${modelId}::int, 'production', id FROM "ModelVersion" WHERE "modelId" = ${modelId}::int AND "version" = ${production}::int`;

  // Daily online metrics, each day attributed to the version in production at noon.
  await db.$executeRaw`
    INSERT INTO "OnlineMetric" ("modelId", "versionId", "day", "metric", "value")
    SELECT ${modelId}::int, p."toVersionId", day::date, m.name, m.base * (1 + 0.05 * sin(extract(epoch FROM day) / 2e6))
    FROM generate_series((${now}::timestamptz AT TIME ZONE 'UTC')::date - ${SCALE.onlineDays}::int, (${now}::timestamptz AT TIME ZONE 'UTC')::date - 1, interval '1 day') day
    CROSS JOIN (VALUES ('impressions', 1800000.0), ('stream_rate', 0.041), ('minutes_played', 1700000.0)) m(name, base)
    CROSS JOIN LATERAL (SELECT d."toVersionId" FROM "Deployment" d WHERE d."modelId" = ${modelId}::int AND d."createdAt" <= day + interval '12 hours' ORDER BY d."createdAt" DESC LIMIT 1) p`;
  // As autovacuum would have by now: statistics for the planner, visibility maps for index-only scans.
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  // And as the checkpointer would have: the seed's dirty pages written out now, not while pages are measured.
  await db.$executeRawUnsafe(`CHECKPOINT`);
  const scores = await db.evaluation.count({ where: { modelId } });
  return { modelId, production, candidate: n, scores };
}
