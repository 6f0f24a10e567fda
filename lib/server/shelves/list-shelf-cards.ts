import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { kindState } from "../validation/validation-state";
import type { Prisma } from "../../generated/prisma/client";

export const RETRAIN_OVERDUE_DAYS = 8;
const TREND_VERSIONS = 16;

const CARD_SELECT = {
  id: true,
  slug: true,
  title: true,
  team: true,
  _count: { select: { alerts: { where: { status: { not: "resolved" } } } } },
  model: {
    select: {
      id: true,
      name: true,
      gatePolicy: { select: { primaryMetric: true, direction: true, absoluteThreshold: true } },
      aliases: { where: { alias: "production" }, select: { version: { select: { id: true, version: true } } } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, trainedAt: true } },
      promotionRequests: { where: { status: "pending" }, select: { id: true, versionId: true } },
    },
  },
} satisfies Prisma.ShelfSelect;

export type ShelfCardDto = {
  slug: string;
  title: string;
  team: string;
  modelName: string | null;
  primaryMetric: string | null;
  direction: "higher_is_better" | "lower_is_better";
  threshold: number | null;
  production: { version: number; since: string | null; score: number | null } | null;
  candidate: { version: number; trainedAt: string; score: number | null; pendingPromotionId: number | null } | null;
  lastRetrainAt: string | null;
  retrainOverdue: boolean;
  openAlerts: number;
  /** The primary metric of the latest versions, oldest first, for the card's sparkline. */
  trend: { version: number; value: number }[];
  /** Newest skew and drift report: features above threshold, schema anomalies, the features and the first day of the run. */
  validation: { kind: "skew" | "drift"; day: string | null; anomalies: number; topFeature: string | null; schemaAnomalies: number; features: string[]; since: string | null }[];
};

/** One card per shelf for Home: production and its age, the candidate against threshold and production. */
export async function listShelfCards({ ctx }: { ctx: Ctx }): Promise<ShelfCardDto[]> {
  requireRole(ctx, "read");
  const shelves = await db().shelf.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: CARD_SELECT });
  return Promise.all(shelves.map((s) => toCard(s, ctx.now)));
}

type ShelfRow = Prisma.ShelfGetPayload<{ select: typeof CARD_SELECT }>;

async function toCard(shelf: ShelfRow, now: Date): Promise<ShelfCardDto> {
  const model = shelf.model;
  const policy = model?.gatePolicy ?? null;
  const prod = model?.aliases[0]?.version ?? null;
  const newest = model?.versions[0] ?? null;
  const candidate = newest && (!prod || newest.version > prod.version) ? newest : null;
  const metricName = policy?.primaryMetric ?? null;

  const [scores, deployedAt, reports, trend] = await Promise.all([
    metricName && model
      ? db().evaluation.findMany({
          where: { modelId: model.id, metric: metricName, dataset: "", versionId: { in: [prod?.id, candidate?.id].filter((x): x is number => x !== undefined) } },
          select: { versionId: true, value: true },
        })
      : [],
    prod && model
      ? db().deployment.findFirst({ where: { modelId: model.id, toVersionId: prod.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } })
      : null,
    model ? latestReports(model.id) : [],
    metricName && model
      ? db().$queryRaw<{ version: number; value: number }[]>`
          SELECT v.version, e.value FROM "Evaluation" e JOIN "ModelVersion" v ON v.id = e."versionId"
          WHERE e."modelId" = ${model.id}::int AND e.metric = ${metricName} AND e.dataset = ''
          ORDER BY v.version DESC LIMIT ${TREND_VERSIONS}::int`
      : [],
  ]);
  const scoreOf = (id: number | undefined) => scores.find((s) => s.versionId === id)?.value ?? null;
  const lastRetrainAt = newest?.trainedAt ?? null;
  return {
    slug: shelf.slug,
    title: shelf.title,
    team: shelf.team,
    modelName: model?.name ?? null,
    primaryMetric: metricName,
    direction: policy?.direction ?? "higher_is_better",
    threshold: policy?.absoluteThreshold ?? null,
    production: prod ? { version: prod.version, since: deployedAt?.createdAt.toISOString() ?? null, score: scoreOf(prod.id) } : null,
    candidate: candidate
      ? {
          version: candidate.version,
          trainedAt: candidate.trainedAt.toISOString(),
          score: scoreOf(candidate.id),
          pendingPromotionId: model?.promotionRequests.find((p) => p.versionId === candidate.id)?.id ?? null,
        }
      : null,
    lastRetrainAt: lastRetrainAt?.toISOString() ?? null,
    retrainOverdue: !lastRetrainAt || now.getTime() - lastRetrainAt.getTime() > RETRAIN_OVERDUE_DAYS * 86_400_000,
    openAlerts: shelf._count.alerts,
    trend: trend.map((t) => ({ version: t.version, value: t.value })).reverse(),
    validation: reports,
  };
}

/** The newest skew and drift report of a model, if validation has produced any, with the first day of its run of anomalies. */
async function latestReports(modelId: number): Promise<ShelfCardDto["validation"]> {
  const states = await Promise.all((["skew", "drift"] as const).map((kind) => kindState(db(), modelId, kind)));
  return states.flatMap((s) =>
    s.report
      ? [{ kind: s.kind, day: s.report.day, anomalies: s.report.anomalyCount, topFeature: s.features[0]?.feature ?? null, schemaAnomalies: s.report.schemaAnomalyCount, features: s.features.map((f) => f.feature), since: s.anomalous ? s.since : null }]
      : [],
  );
}
