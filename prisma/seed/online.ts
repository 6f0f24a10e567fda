import type { DeploymentReason, Prisma } from "../../lib/generated/prisma/client";
import { inChunks, round, type SeedDb } from "./batch";
import { addDays, addHours, DEFAULT_SEED, rngFor, utcDay } from "./random";
import { PRIMARY_METRIC, shelfSpec } from "./shelves";

type VersionScore = { id: number; version: number; trainedAt: Date; primary: number };
export type PlannedDeployment = { from: VersionScore | null; to: VersionScore; reason: DeploymentReason; at: Date; comment: string };
type Policy = { absoluteThreshold: number | null; maxRegression: number | null };

/**
 * Replays the year's gate decisions: version 1 launches, each later version is promoted two days
 * after training when it clears the threshold and does not regress against production, otherwise it
 * is skipped; `rollbackVersion`, once promoted, is rolled back two days later. The newest version is
 * the candidate and is never deployed here.
 */
export function planDeployments(versions: VersionScore[], policy: Policy, rollbackVersion: number | null): PlannedDeployment[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  if (sorted.length === 0) return [];
  const out: PlannedDeployment[] = [{ from: null, to: sorted[0], reason: "initial", at: addHours(sorted[0].trainedAt, 31), comment: "Launch of the shelf." }];
  let production = sorted[0];
  for (const candidate of sorted.slice(1, -1)) {
    const aboveThreshold = policy.absoluteThreshold === null || candidate.primary >= policy.absoluteThreshold;
    const regression = production.primary - candidate.primary;
    if (!aboveThreshold || (policy.maxRegression !== null && regression > policy.maxRegression + 1e-9)) continue;
    const at = addHours(candidate.trainedAt, 55);
    out.push({ from: production, to: candidate, reason: "promotion", at, comment: `Weekly retrain v${candidate.version}: gate passed, approved.` });
    if (candidate.version === rollbackVersion) {
      out.push({ from: candidate, to: production, reason: "rollback", at: addHours(at, 50), comment: `Stream rate fell sharply after v${candidate.version} went live; back to v${production.version}.` });
      continue;
    }
    production = candidate;
  }
  return out;
}

export type SeedOnlineMetricsOptions = { modelId: number; now?: Date; seed?: number; days?: number; rollbackVersion?: number | null; actor?: string };

/** Creates the deployment log, the `production` alias and daily online metrics attributed to production. */
export async function seedOnlineMetrics(db: SeedDb, options: SeedOnlineMetricsOptions): Promise<{
  productionVersionId: number;
  deployedVersions: number[];
  skippedVersions: number[];
  rollback: { from: number; to: number } | null;
}> {
  const now = options.now ?? new Date();
  const days = options.days ?? 365;
  const actor = options.actor ?? "lead@shelfwatch.demo";
  const model = await db.model.findUniqueOrThrow({
    where: { id: options.modelId },
    select: { name: true, shelf: { select: { slug: true } }, gatePolicy: { select: { absoluteThreshold: true, maxRegression: true } } },
  });
  const spec = shelfSpec(model.shelf.slug);
  const rows = await db.modelVersion.findMany({
    where: { modelId: options.modelId },
    select: { id: true, version: true, trainedAt: true },
    orderBy: { version: "asc" },
  });
  const scores = await db.evaluation.findMany({ where: { modelId: options.modelId, metric: PRIMARY_METRIC, dataset: "" }, select: { versionId: true, value: true } });
  const primary = new Map(scores.map((s) => [s.versionId, s.value]));
  const versions = rows.map((r) => ({ id: r.id, version: r.version, trainedAt: r.trainedAt, primary: primary.get(r.id) ?? spec.ndcgStart }));
  const plan = planDeployments(versions, model.gatePolicy ?? { absoluteThreshold: null, maxRegression: null }, options.rollbackVersion ?? null);
  if (plan.length === 0) throw new Error(`Model ${model.name} has no versions to deploy.`);
  await db.deployment.createMany({
    data: plan.map((d) => ({ modelId: options.modelId, fromVersionId: d.from?.id ?? null, toVersionId: d.to.id, reason: d.reason, actor: d.reason === "initial" ? "system:launch" : actor, comment: d.comment, createdAt: d.at })),
  });
  const last = plan[plan.length - 1];
  await db.modelAlias.create({ data: { modelId: options.modelId, alias: "production", versionId: last.to.id, updatedAt: last.at }, select: { id: true } });

  // Each version also has an online effect the offline metric misses, so deployments show as steps;
  // the rolled-back version's is the drop that caused the rollback.
  const rng = rngFor(options.seed ?? DEFAULT_SEED, `online:${model.name}`);
  const effect = new Map(versions.map((v) => [v.id, rng.normal(0, 0.025)]));
  for (const d of plan) if (d.reason === "rollback" && d.from) effect.set(d.from.id, -0.13);
  const today = utcDay(now);
  const metrics: Prisma.OnlineMetricCreateManyInput[] = [];
  for (let i = days; i >= 1; i--) {
    const day = addDays(today, -i);
    const noon = addHours(day, 12);
    const current = [...plan].reverse().find((d) => d.at <= noon);
    if (!current) continue;
    const v = current.to;
    const weekend = [0, 6].includes(day.getUTCDay());
    const growth = 1 + 0.15 * ((days - i) / days);
    const impressions = Math.round(spec.impressionsPerDay * growth * (weekend ? 1.09 : 1) * (1 + rng.normal(0, 0.02)));
    const lift = 0.9 * (v.primary / spec.ndcgStart - 1) + (effect.get(v.id) ?? 0);
    const streamRate = spec.streamRate * (1 + lift) * (weekend ? 1.03 : 1) * (1 + rng.normal(0, 0.01));
    const minutes = Math.round(impressions * streamRate * spec.minutesPerStream * (1 + rng.normal(0, 0.015)));
    const base = { modelId: options.modelId, versionId: v.id, day, createdAt: addHours(day, 26) };
    metrics.push({ ...base, metric: "impressions", value: impressions });
    metrics.push({ ...base, metric: "stream_rate", value: round(streamRate, 5) });
    metrics.push({ ...base, metric: "minutes_played", value: minutes });
  }
  await inChunks(metrics, (chunk) => db.onlineMetric.createMany({ data: chunk }));

  const deployed = new Set(plan.filter((d) => d.reason !== "rollback").map((d) => d.to.version));
  const rollback = plan.find((d) => d.reason === "rollback");
  return {
    productionVersionId: last.to.id,
    deployedVersions: [...deployed].sort((a, b) => a - b),
    skippedVersions: versions.slice(1, -1).map((v) => v.version).filter((v) => !deployed.has(v)),
    rollback: rollback?.from ? { from: rollback.from.version, to: rollback.to.version } : null,
  };
}
