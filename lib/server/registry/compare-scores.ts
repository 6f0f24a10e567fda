import "server-only";
import { compareScore, meetsThreshold, type Direction, type ScoreVerdict } from "../../registry/compare";
import { compareScoresSchema, type CompareScoresInput } from "../../schemas/registry";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findModel, type ModelRef } from "../models/find-model";
import { revisionCache } from "../models/revision-cache";
import { modelState } from "./registry-reads";

export type BaselineRole = "production" | "displaced" | "parent" | "chosen";

export type ScoreRowDto = {
  metric: string;
  dataset: string;
  /** Null for a metric the model does not declare: its change is shown without a verdict. */
  direction: Direction | null;
  primary: boolean;
  value: number | null;
  baseline: number | null;
  delta: number | null;
  verdict: ScoreVerdict | null;
  threshold: number | null;
  meetsThreshold: boolean | null;
};

export type ScoreComparisonDto = {
  version: number;
  baseline: { version: number; role: BaselineRole } | null;
  /** The version asked for with `compare` when the model has no such version. */
  missing: number | null;
  rows: ScoreRowDto[];
};

/**
 * Every score of a version beside the baseline's: the version chosen with `compare`, else production,
 * else (for production itself) the version it displaced, else its parent.
 */
export async function compareScores({ ctx, input }: { ctx: Ctx; input: CompareScoresInput }): Promise<ScoreComparisonDto> {
  requireRole(ctx, "read");
  const data = parseInput(compareScoresSchema, input);
  const model = await findModel(ctx, data.model, "read");
  return comparisons(model, [data.version, data.compare ?? null], () => compare(model, data));
}

// A comparison is the same for every viewer until the model's registry rows change.
const comparisons = revisionCache<ScoreComparisonDto>(500);

async function compare(model: ModelRef, data: { version: number; compare?: number | undefined }): Promise<ScoreComparisonDto> {
  const [row, { production, policy, metrics: definitions }, chosen] = await Promise.all([
    versionWithParent(model.id, data.version),
    modelState(model),
    data.compare !== undefined ? db().modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version: data.compare } }, select: { id: true, version: true } }) : null,
  ]);
  if (!row) throw new AppError("NOT_FOUND", `${model.name} has no version ${data.version}.`);

  let baseline: { id: number; version: number; role: BaselineRole } | null = null;
  if (chosen) baseline = { ...chosen, role: "chosen" };
  else if (data.compare === undefined && production && production.id !== row.id) baseline = { ...production, role: "production" };
  else if (data.compare === undefined) {
    const displaced = await db().deployment.findFirst({
      where: { modelId: model.id, toVersionId: row.id, fromVersionId: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { fromVersion: { select: { id: true, version: true } } },
    });
    if (displaced?.fromVersion) baseline = { ...displaced.fromVersion, role: "displaced" };
    else if (row.parent) baseline = { ...row.parent, role: "parent" };
  }

  const scores = await db().evaluation.findMany({
    where: { versionId: { in: baseline ? [row.id, baseline.id] : [row.id] } },
    select: { versionId: true, metric: true, dataset: true, value: true },
  });
  const key = (metric: string, dataset: string) => `${metric}\u0000${dataset}`;
  const byKey = new Map<string, { metric: string; dataset: string; value: number | null; baseline: number | null }>();
  for (const s of scores) {
    const k = key(s.metric, s.dataset);
    const entry = byKey.get(k) ?? { metric: s.metric, dataset: s.dataset, value: null, baseline: null };
    if (s.versionId === row.id) entry.value = s.value;
    if (s.versionId === baseline?.id) entry.baseline = s.value;
    byKey.set(k, entry);
  }

  const directionOf = new Map<string, Direction>(definitions.map((d) => [d.name, d.direction]));
  if (policy && !directionOf.has(policy.primaryMetric)) directionOf.set(policy.primaryMetric, policy.direction);
  // Primary metric first, then declared metrics in declaration order, then the rest by name; main dataset first.
  const rank = (metric: string) => (metric === policy?.primaryMetric ? -1 : definitions.findIndex((d) => d.name === metric) >= 0 ? definitions.findIndex((d) => d.name === metric) : definitions.length);
  const rows = [...byKey.values()]
    .sort((a, b) => rank(a.metric) - rank(b.metric) || a.metric.localeCompare(b.metric) || Number(a.dataset !== "") - Number(b.dataset !== "") || a.dataset.localeCompare(b.dataset))
    .map((e) => {
      const direction = directionOf.get(e.metric) ?? null;
      const primary = e.metric === policy?.primaryMetric && e.dataset === "";
      const threshold = primary ? (policy?.threshold ?? null) : null;
      return {
        ...e,
        direction,
        primary,
        ...compareScore(e.value, e.baseline, direction),
        threshold,
        meetsThreshold: primary && direction ? meetsThreshold(e.value, threshold, direction) : null,
      };
    });
  return { version: data.version, baseline: baseline ? { version: baseline.version, role: baseline.role } : null, missing: data.compare !== undefined && !chosen ? data.compare : null, rows };
}

async function versionWithParent(modelId: number, version: number): Promise<{ id: number; parent: { id: number; version: number } | null } | null> {
  const [row] = await db().$queryRaw<{ id: number; parentId: number | null; parentVersion: number | null }[]>`
    SELECT v.id, p.id AS "parentId", p."version" AS "parentVersion"
    FROM "ModelVersion" v LEFT JOIN "ModelVersion" p ON p.id = v."parentVersionId"
    WHERE v."modelId" = ${modelId}::int AND v."version" = ${version}::int`;
  if (!row) return null;
  return { id: row.id, parent: row.parentId !== null && row.parentVersion !== null ? { id: row.parentId, version: row.parentVersion } : null };
}
