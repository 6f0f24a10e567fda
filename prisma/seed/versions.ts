import type { Prisma } from "../../lib/generated/prisma/client";
import { inChunks, round, type SeedDb } from "./batch";
import { addDays, addHours, DEFAULT_SEED, hex, isoDay, rngFor, utcDay, type Rng } from "./random";
import { DEFAULT_POLICY, PRIMARY_METRIC, shelfSpec, type ShelfSpec } from "./shelves";

export type Scores = Record<string, number>;
export type SeededVersion = { id: number; version: number; trainedAt: Date };

// Version 1 launched a little before the weekly cadence began, so that it was already in production
// a full year before today and every one of the 365 days of online metrics has a production version.
const LAUNCH_GAP_DAYS = 9;

/** When version v of `count` was trained: weekly, the newest yesterday; hours differ per shelf. */
export function trainedAtOf(now: Date, v: number, count: number, hourOffset = 3): Date {
  const weeksBack = count - v;
  const launch = v === 1 && count > 1 ? LAUNCH_GAP_DAYS : 0;
  return addHours(addDays(utcDay(now), -1 - 7 * weeksBack - launch), hourOffset);
}

/**
 * Offline scores for every version: a slow concave trend plus noise, a few versions that regress by
 * more than the gate allows (the pipeline skips them), and the newest candidate placed above or below
 * the gate threshold as the shelf's spec says. The last production version never regresses.
 */
export function planScores(spec: ShelfSpec, count: number, rng: Rng): Scores[] {
  const regressing = new Set<number>();
  const eligible = Array.from({ length: Math.max(0, count - 5) }, (_, i) => i + 3);
  for (const v of rng.sample(eligible, Math.round(count / 10))) regressing.add(v);
  const out: Scores[] = [];
  for (let v = 1; v <= count; v++) {
    const t = count > 2 ? Math.min(1, (v - 1) / (count - 2)) : 1;
    const trend = spec.ndcgStart + (spec.ndcgEnd - spec.ndcgStart) * (1 - (1 - t) ** 1.6);
    let ndcg = trend + rng.normal(0, 0.0018);
    let penalty = 0;
    if (regressing.has(v)) penalty = 0.014 + rng.next() * 0.014;
    if (v === count && count > 1) {
      ndcg = spec.candidateBelowThresholdBy === null ? trend + 0.0045 : spec.threshold - spec.candidateBelowThresholdBy;
      if (spec.candidateBelowThresholdBy !== null) penalty = 0;
    }
    ndcg -= penalty;
    const lift = (ndcg - spec.ndcgStart) / Math.max(0.001, spec.ndcgEnd - spec.ndcgStart);
    out.push({
      [PRIMARY_METRIC]: round(ndcg),
      "recall@50": round(ndcg * 1.87 + 0.06 + rng.normal(0, 0.003)),
      coverage: round(0.31 + 0.06 * t + rng.normal(0, 0.004) - penalty * 0.8),
      diversity: round(0.57 + 0.015 * Math.sin(v / 6) + rng.normal(0, 0.004)),
      popularity_bias: round(0.63 - 0.04 * Math.max(0, Math.min(1.2, lift)) + rng.normal(0, 0.004) + penalty * 1.5),
    });
  }
  return out;
}

/** The hyperparameters of the year: stable, with a tuning change every couple of months. */
function hyperparameters(v: number, rng: Rng): Prisma.InputJsonValue {
  const era = Math.floor((v - 1) / 9);
  return {
    learning_rate: [0.003, 0.002, 0.002, 0.0015, 0.0015, 0.001][era] ?? 0.001,
    embedding_dim: era < 2 ? 64 : 128,
    num_layers: era < 4 ? 2 : 3,
    batch_size: 4096,
    epochs: 8 + (era % 3),
    negative_samples: era < 3 ? 20 : 50,
    l2: 1e-5,
    dropout: round(0.1 + 0.05 * (era % 2), 2),
    seed: rng.int(1, 99_999),
  };
}

export type SeedVersionsOptions = { modelId: number; count?: number; now?: Date; seed?: number; hourOffset?: number };

/** Creates `count` weekly versions (default 52) with lineage and evaluations; the newest is the candidate. */
export async function seedVersions(db: SeedDb, options: SeedVersionsOptions): Promise<{ versions: SeededVersion[]; candidate: SeededVersion; scores: Scores[] }> {
  const count = options.count ?? 52;
  const now = options.now ?? new Date();
  const model = await db.model.findUniqueOrThrow({ where: { id: options.modelId }, select: { name: true, shelf: { select: { slug: true } } } });
  const spec = shelfSpec(model.shelf.slug);
  const rng = rngFor(options.seed ?? DEFAULT_SEED, `versions:${model.name}`);
  const scores = planScores(spec, count, rng);
  let revision = hex(rng, 40);
  const rows: Prisma.ModelVersionCreateManyInput[] = [];
  for (let v = 1; v <= count; v++) {
    const trainedAt = trainedAtOf(now, v, count, options.hourOffset ?? 3);
    // Code changes land every few weeks, not with every retrain.
    if (v > 1 && rng.chance(0.35)) revision = hex(rng, 40);
    const runId = `${model.name}-weekly-${isoDay(trainedAt)}-${hex(rng, 6)}`;
    const dip = scores[v - 1][PRIMARY_METRIC] < (scores[v - 2]?.[PRIMARY_METRIC] ?? 0) - DEFAULT_POLICY.maxRegression;
    rows.push({
      modelId: options.modelId,
      version: v,
      createdAt: addHours(trainedAt, 1),
      trainedAt,
      dataWindowStart: addDays(utcDay(trainedAt), -28),
      dataWindowEnd: utcDay(trainedAt),
      pipelineRunId: runId,
      pipelineRunUrl: `https://pipelines.example.com/runs/${runId}`,
      codeRevision: revision,
      hyperparameters: hyperparameters(v, rng),
      artifactUri: `gs://home-recs-artifacts/${model.name}/v${v}/saved_model`,
      tags: { trigger: v === 1 ? "launch" : "weekly-schedule", framework: "tensorflow-2.15", ...(dip ? { change: "new negative sampling" } : {}) },
      createdBy: `pipeline:${model.name}-weekly`,
    });
  }
  const created = await db.modelVersion.createManyAndReturn({ data: rows, select: { id: true, version: true, trainedAt: true } });
  created.sort((a, b) => a.version - b.version);
  // Lineage in one statement: each version's parent is the one trained the week before.
  await db.$executeRaw`UPDATE "ModelVersion" c SET "parentVersionId" = p."id" FROM "ModelVersion" p
    WHERE c."modelId" = ${options.modelId} AND p."modelId" = c."modelId" AND p."version" = c."version" - 1`;

  const evaluations: Prisma.EvaluationCreateManyInput[] = [];
  for (const version of created) {
    const s = scores[version.version - 1];
    const at = addHours(version.trainedAt, 2);
    for (const [metric, value] of Object.entries(s)) evaluations.push({ modelId: options.modelId, versionId: version.id, metric, value, createdAt: at });
    // Two slices of the primary metric: new listeners are harder to please than returning ones.
    const primary = s[PRIMARY_METRIC];
    evaluations.push({ modelId: options.modelId, versionId: version.id, metric: PRIMARY_METRIC, dataset: "slice:new-listeners", value: round(primary * 0.82 + rng.normal(0, 0.003)), createdAt: at });
    evaluations.push({ modelId: options.modelId, versionId: version.id, metric: PRIMARY_METRIC, dataset: "slice:returning-listeners", value: round(primary * 1.04 + rng.normal(0, 0.002)), createdAt: at });
  }
  await inChunks(evaluations, (chunk) => db.evaluation.createMany({ data: chunk }));
  return { versions: created, candidate: created[created.length - 1], scores };
}
