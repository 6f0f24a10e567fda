import { createProfileBuilder } from "../../lib/drift/builder";
import type { DatasetProfile, FeatureType } from "../../lib/drift/profile";
import type { Prisma } from "../../lib/generated/prisma/client";
import { inChunks, type SeedDb } from "./batch";
import { drawRow, featuresOf, type FeatureSpec, type RowVariant } from "./features";
import { addDays, addHours, DEFAULT_SEED, isoDay, rngFor, utcDay } from "./random";

// The two faults the demo plants, and nothing else: every other feature of every shelf draws from the
// same distributions every day, so only these cross TFDV's default thresholds (0.1).

/** From this day on, serving logs podcast_minutes_28d raw while training log1p-scales it (skew). */
export const PLANTED_SKEW = {
  shelfSlug: "shows-you-might-like",
  modelName: "podcast-model",
  feature: "podcast_minutes_28d",
  daysBeforeNow: 21,
  training: "log1p",
  serving: "raw",
} as const;

/** From this day on, device_type carries a value training never saw (a new value, and L-infinity > 0.1). */
export const PLANTED_NEW_VALUE = {
  shelfSlug: "shows-you-might-like",
  modelName: "podcast-model",
  feature: "device_type",
  value: "car_display",
  share: 0.15,
  daysBeforeNow: 9,
} as const;

export const SERVING_DAYS = 90;
export const PROFILE_ROWS = 1_500;
/** TFDV's default thresholds, which the demo's feature configs use for skew and drift alike. */
export const DEFAULT_THRESHOLD = 0.1;

/** The first serving day (midnight UTC) of a plant, for a given `now`. */
export function plantedDay(now: Date, plant: { daysBeforeNow: number }): Date {
  return addDays(utcDay(now), -plant.daysBeforeNow);
}

/** The deviations of one dataset: the plants apply only to the planted model. */
function variantOf(planted: boolean, kind: "training" | "serving", day: Date | null, now: Date): RowVariant {
  if (!planted) return {};
  const skewed = kind === "serving" && day !== null && day >= plantedDay(now, PLANTED_SKEW);
  const variant: RowVariant = skewed ? {} : { transforms: { [PLANTED_SKEW.feature]: Math.log1p } };
  if (kind === "serving" && day !== null && day >= plantedDay(now, PLANTED_NEW_VALUE)) {
    variant.extraValue = { feature: PLANTED_NEW_VALUE.feature, value: PLANTED_NEW_VALUE.value, share: PLANTED_NEW_VALUE.share };
  }
  return variant;
}

/** Profiles `rows` rows drawn for one dataset with the drift module's streaming builder. */
export function buildProfile(features: FeatureSpec[], rows: number, seed: number, label: string, variant: RowVariant): DatasetProfile {
  const rng = rngFor(seed, label);
  const builder = createProfileBuilder({ name: label, types: Object.fromEntries(features.map((f) => [f.name, f.type])) });
  for (let i = 0; i < rows; i++) builder.add(drawRow(rng, features, variant));
  return builder.finish();
}

/** One FeatureProfile row per feature: the drift module's feature JSON, whole, in `stats`, so it reads back as is. */
export function profileRows(profile: DatasetProfile): { name: string; type: FeatureType; count: number; missing: number; stats: Prisma.InputJsonValue }[] {
  return profile.features.map((f) => ({ name: f.name, type: f.type, count: f.count, missing: f.missing, stats: f as unknown as Prisma.InputJsonValue }));
}

type Dataset = { kind: "training" | "serving"; datasetKey: string; versionId: number | null; day: Date | null; createdAt: Date };

export type SeedValidationSeriesOptions = { modelId: number; now?: Date; seed?: number; days?: number; rows?: number; plant?: boolean; featureConfigs?: boolean };

/** Creates a training profile per version and daily serving profiles (default 90 days), with the plants. */
export async function seedValidationSeries(db: SeedDb, options: SeedValidationSeriesOptions): Promise<{ features: string[]; trainingIds: number[]; servingIds: number[] }> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_SEED;
  const rows = options.rows ?? PROFILE_ROWS;
  const model = await db.model.findUniqueOrThrow({ where: { id: options.modelId }, select: { name: true, shelf: { select: { slug: true } } } });
  const planted = options.plant ?? model.shelf.slug === PLANTED_SKEW.shelfSlug;
  const features = featuresOf(model.name);
  const versions = await db.modelVersion.findMany({ where: { modelId: options.modelId }, select: { id: true, version: true, trainedAt: true }, orderBy: { version: "asc" } });

  const datasets: Dataset[] = versions.map((v) => ({ kind: "training", datasetKey: `training:v${v.version}`, versionId: v.id, day: null, createdAt: addHours(v.trainedAt, 1) }));
  const today = utcDay(now);
  for (let i = options.days ?? SERVING_DAYS; i >= 1; i--) {
    const day = addDays(today, -i);
    datasets.push({ kind: "serving", datasetKey: `serving:${isoDay(day)}`, versionId: null, day, createdAt: addHours(day, 26) });
  }

  const trainingIds: number[] = [];
  const servingIds: number[] = [];
  // A handful of datasets at a time: bounded memory, and few round trips.
  for (let start = 0; start < datasets.length; start += 10) {
    const batch = datasets.slice(start, start + 10);
    const profiles = batch.map((d) => buildProfile(features, rows, seed, `${model.name}:${d.datasetKey}`, variantOf(planted, d.kind, d.day, now)));
    const stats = await db.featureStatistics.createManyAndReturn({
      data: batch.map((d, i) => ({ modelId: options.modelId, ...d, source: "native", numExamples: profiles[i].numExamples, featureCount: profiles[i].features.length })),
      select: { id: true, datasetKey: true },
    });
    const idOf = new Map(stats.map((s) => [s.datasetKey, s.id]));
    const featureRows: Prisma.FeatureProfileCreateManyInput[] = [];
    batch.forEach((d, i) => {
      const statisticsId = idOf.get(d.datasetKey)!;
      (d.kind === "training" ? trainingIds : servingIds).push(statisticsId);
      for (const row of profileRows(profiles[i])) featureRows.push({ statisticsId, ...row });
    });
    await inChunks(featureRows, (chunk) => db.featureProfile.createMany({ data: chunk }), 300);
  }

  if (options.featureConfigs ?? true) {
    await db.featureConfig.createMany({
      data: features.map((f) => ({
        modelId: options.modelId,
        feature: f.name,
        comparator: f.type === "numeric" ? ("jensen_shannon" as const) : ("l_infinity" as const),
        skewThreshold: DEFAULT_THRESHOLD,
        driftThreshold: DEFAULT_THRESHOLD,
        updatedAt: now,
        updatedBy: "seed",
      })),
    });
  }
  return { features: features.map((f) => f.name), trainingIds, servingIds };
}
