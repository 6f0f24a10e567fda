import "server-only";
import { compareProfiles } from "../../drift/compare";
import type { DatasetProfile } from "../../drift/profile";
import type { Db, Tx } from "../db";
import { compareConfigFor, type FeatureConfigRow } from "./feature-config";
import { loadProfiles } from "./load-profiles";
import { planReports, specsMissing, type ReportSpec } from "./report-plan";
import { reportContent, type FeatureRow } from "./report-rows";

type Client = Db | Tx;

// A few reports at a time: profiles are loaded once per batch (the next batch reuses what it shares,
// consecutive days share most), so memory stays bounded by the batch, whatever the number of days.
const BATCH = 24;
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Serialises report computation per model (ingestion, threshold edits, the daily pass), inside a transaction. */
export async function lockModelReports(tx: Client, modelId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x5357_564c}::int, ${modelId}::int)`;
}

/** The feature configs of a model, as comparisons use them. */
export async function loadFeatureConfigs(client: Client, modelId: number): Promise<FeatureConfigRow[]> {
  return client.featureConfig.findMany({ where: { modelId }, select: { feature: true, comparator: true, skewThreshold: true, driftThreshold: true } });
}

/**
 * Computes the reports of the given specs and stores them: a report already stored for the same kind,
 * baseline and target keeps its id (links to it stay valid) and gets new content; another report of the
 * same kind and target, against a baseline that no longer applies, is removed. Returns the report ids.
 */
export async function computeReports(client: Client, input: { modelId: number; specs: readonly ReportSpec[]; now: Date }): Promise<number[]> {
  const configs = await loadFeatureConfigs(client, input.modelId);
  const byKind = { skew: compareConfigFor("skew", configs), drift: compareConfigFor("drift", configs), training_drift: compareConfigFor("training_drift", configs) };
  const ids: number[] = [];
  let cache = new Map<number, DatasetProfile>();
  for (let start = 0; start < input.specs.length; start += BATCH) {
    const batch = input.specs.slice(start, start + BATCH);
    const needed = new Set(batch.flatMap((s) => [s.baselineId, s.targetId]));
    const kept = new Map([...cache].filter(([id]) => needed.has(id)));
    const loaded = await loadProfiles(client, [...needed].filter((id) => !kept.has(id)));
    cache = new Map([...kept, ...loaded]);
    const contents = batch.map((spec) => reportContent(compareProfiles(cache.get(spec.baselineId)!, cache.get(spec.targetId)!, byKind[spec.kind])));
    ids.push(...(await writeReports(client, input.modelId, batch, contents, input.now)));
  }
  return ids;
}

async function writeReports(client: Client, modelId: number, specs: readonly ReportSpec[], contents: ReturnType<typeof reportContent>[], now: Date): Promise<number[]> {
  const rows = await client.$queryRaw<{ id: number; kind: string; targetId: number }[]>`
    INSERT INTO "ValidationReport" ("modelId", "kind", "baselineId", "targetId", "day", "versionId", "featureCount", "anomalyCount", "schemaAnomalies", "notComparable", "maxSeverity", "topFeature", "computedAt")
    SELECT ${modelId}::int, t.kind, t.baseline, t.target, t.day, t.version, t.features, t.anomalies, t.schema, t.incomparable, t.severity, t.top, ${now}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(
      ${specs.map((s) => s.kind)}::"ReportKind"[], ${specs.map((s) => s.baselineId)}::int[], ${specs.map((s) => s.targetId)}::int[],
      ${specs.map((s) => isoDay(s.day))}::date[], ${specs.map((s) => s.versionId)}::int[],
      ${contents.map((c) => c.totals.featureCount)}::int[], ${contents.map((c) => c.totals.anomalyCount)}::int[],
      ${contents.map((c) => JSON.stringify(c.schemaAnomalies))}::jsonb[], ${contents.map((c) => JSON.stringify(c.notComparable))}::jsonb[],
      ${contents.map((c) => c.totals.maxSeverity)}::float8[], ${contents.map((c) => c.totals.topFeature)}::text[]
    ) AS t(kind, baseline, target, day, version, features, anomalies, schema, incomparable, severity, top)
    ON CONFLICT ("kind", "baselineId", "targetId") DO UPDATE SET
      "day" = EXCLUDED."day", "versionId" = EXCLUDED."versionId", "featureCount" = EXCLUDED."featureCount",
      "anomalyCount" = EXCLUDED."anomalyCount", "schemaAnomalies" = EXCLUDED."schemaAnomalies", "notComparable" = EXCLUDED."notComparable",
      "maxSeverity" = EXCLUDED."maxSeverity", "topFeature" = EXCLUDED."topFeature", "computedAt" = EXCLUDED."computedAt"
    RETURNING id, kind::text AS kind, "targetId"`;
  const idOf = new Map(rows.map((r) => [`${r.kind}:${r.targetId}`, r.id]));
  const ids = specs.map((s) => idOf.get(`${s.kind}:${s.targetId}`)!);
  // One report per kind and target: drop one that compared against a baseline that no longer applies.
  await client.$executeRaw`
    DELETE FROM "ValidationReport" r USING unnest(${specs.map((s) => s.kind)}::"ReportKind"[], ${specs.map((s) => s.targetId)}::int[], ${ids}::int[]) AS t(kind, target, keep)
    WHERE r."modelId" = ${modelId}::int AND r.kind = t.kind AND r."targetId" = t.target AND r.id <> t.keep`;
  await client.validationFeatureResult.deleteMany({ where: { reportId: { in: ids } } });
  const features: (FeatureRow & { reportId: number; kind: string; day: string | null })[] = [];
  specs.forEach((spec, i) => {
    for (const row of contents[i].rows) features.push({ ...row, reportId: ids[i], kind: spec.kind, day: isoDay(spec.day) });
  });
  await insertFeatureRows(client, modelId, features);
  return ids;
}

/** Inserts feature result rows with one statement per few thousand (Prisma's createMany binds a parameter per value, far slower here). */
export async function insertFeatureRows(client: Client, modelId: number, rows: readonly (FeatureRow & { reportId: number; kind: string; day: string | null })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    const col = <K extends keyof (typeof chunk)[number]>(k: K) => chunk.map((r) => r[k]);
    await client.$executeRaw`
      INSERT INTO "ValidationFeatureResult" ("reportId", "modelId", "kind", "day", "feature", "featureType", "comparator", "distance", "threshold", "anomaly", "severity", "movedMost", "movedMostDetail")
      SELECT t.report, ${modelId}::int, t.kind, t.day, t.feature, t.type, t.comparator, t.distance, t.threshold, t.anomaly, t.severity, t.moved, t.detail
      FROM unnest(
        ${col("reportId")}::int[], ${col("kind")}::"ReportKind"[], ${col("day")}::date[], ${col("feature")}::text[], ${col("featureType")}::"FeatureType"[],
        ${col("comparator")}::"Comparator"[], ${col("distance")}::float8[], ${col("threshold")}::float8[], ${col("anomaly")}::boolean[], ${col("severity")}::float8[],
        ${col("movedMost")}::text[], ${chunk.map((r) => (r.movedMostDetail === null ? null : JSON.stringify(r.movedMostDetail)))}::jsonb[]
      ) AS t(report, kind, day, feature, type, comparator, distance, threshold, anomaly, severity, moved, detail)`;
  }
}

/** The profiles and deployments of a model, as the report plan reads them. */
export async function planModelReports(client: Client, modelId: number): Promise<ReportSpec[]> {
  const [stats, deployments] = await Promise.all([
    client.featureStatistics.findMany({ where: { modelId, kind: { in: ["training", "serving"] } }, select: { id: true, kind: true, day: true, versionId: true, version: { select: { version: true } } } }),
    client.deployment.findMany({ where: { modelId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { createdAt: true, toVersionId: true } }),
  ]);
  return planReports(
    stats.map((s) => ({ id: s.id, kind: s.kind, day: s.day, versionId: s.versionId, version: s.version?.version ?? null })),
    deployments.map((d) => ({ at: d.createdAt, toVersionId: d.toVersionId })),
  );
}

/**
 * Computes every report a model's profiles call for that is not stored yet (or compares against a
 * baseline that no longer applies). The daily pass and the demo seed call it; pass a transaction.
 */
export async function computeModelReports(tx: Client, input: { modelId: number; now: Date }): Promise<{ planned: number; computed: number }> {
  await lockModelReports(tx, input.modelId);
  const specs = await planModelReports(tx, input.modelId);
  const existing = await tx.validationReport.findMany({ where: { modelId: input.modelId }, select: { kind: true, baselineId: true, targetId: true } });
  const missing = specsMissing(specs, existing);
  await computeReports(tx, { modelId: input.modelId, specs: missing, now: input.now });
  return { planned: specs.length, computed: missing.length };
}
