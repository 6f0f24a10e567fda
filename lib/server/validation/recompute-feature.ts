import "server-only";
import { compareProfiles } from "../../drift/compare";
import type { DatasetProfile } from "../../drift/profile";
import type { Tx } from "../db";
import { insertFeatureRows } from "./compute-reports";
import { compareConfigFor, type FeatureConfigRow } from "./feature-config";
import { loadProfiles } from "./load-profiles";
import { featureRow, notComparableOf, type FeatureRow, type NotComparable } from "./report-rows";

// After a threshold or comparator edit, one feature is compared again in every report of its model,
// reading that feature's statistics only, and the reports' totals are recomputed from their rows.

export type RecomputeResultDto = { reports: number; anomaliesBefore: number; anomaliesAfter: number };

/** Compares `feature` again in every report of a model with the given config, in the caller's transaction. */
export async function recomputeFeature(tx: Tx, input: { modelId: number; config: FeatureConfigRow }): Promise<RecomputeResultDto> {
  const { modelId, config } = input;
  const feature = config.feature;
  const reports = await tx.validationReport.findMany({ where: { modelId }, select: { id: true, kind: true, day: true, baselineId: true, targetId: true, notComparable: true } });
  const anomaliesBefore = await tx.validationFeatureResult.count({ where: { modelId, feature, anomaly: true } });
  const profiles = await loadProfiles(tx, reports.flatMap((r) => [r.baselineId, r.targetId]), { feature });
  const configs = { skew: compareConfigFor("skew", [config]), drift: compareConfigFor("drift", [config]), training_drift: compareConfigFor("training_drift", [config]) };

  const rows: (FeatureRow & { reportId: number; kind: string; day: string | null })[] = [];
  const incomparable: { id: number; list: NotComparable[] }[] = [];
  for (const r of reports) {
    const a = profiles.get(r.baselineId);
    const b = profiles.get(r.targetId);
    let row: FeatureRow | null = null;
    let missing: NotComparable | null = null;
    if (a?.features.length && b?.features.length && a.features[0].type === b.features[0].type) {
      // Profiles of this one feature: its comparison is the same as in the whole profiles.
      const only = (p: DatasetProfile): DatasetProfile => ({ ...p, features: [p.features[0]] });
      const compared = compareProfiles(only(a), only(b), configs[r.kind]).features[0];
      row = featureRow(compared);
      if (!row) missing = notComparableOf(compared);
    }
    if (row) rows.push({ ...row, reportId: r.id, kind: r.kind, day: r.day ? r.day.toISOString().slice(0, 10) : null });
    const before = Array.isArray(r.notComparable) ? (r.notComparable as NotComparable[]) : [];
    const after = [...before.filter((n) => n.feature !== feature), ...(missing ? [missing] : [])];
    if (JSON.stringify(after) !== JSON.stringify(before)) incomparable.push({ id: r.id, list: after });
  }

  await tx.validationFeatureResult.deleteMany({ where: { modelId, feature } });
  await insertFeatureRows(tx, modelId, rows);
  if (incomparable.length > 0) {
    await tx.$executeRaw`
      UPDATE "ValidationReport" r SET "notComparable" = t.list
      FROM unnest(${incomparable.map((x) => x.id)}::int[], ${incomparable.map((x) => JSON.stringify(x.list))}::jsonb[]) AS t(id, list)
      WHERE r.id = t.id`;
  }
  // Totals from the rows; the top feature is the most severe, ties broken by name (as report-rows does).
  await tx.$executeRaw`
    UPDATE "ValidationReport" r SET
      "anomalyCount" = s.anomalies, "maxSeverity" = s.severity, "topFeature" = s.top,
      "featureCount" = s.features + jsonb_array_length(r."notComparable")
    FROM (
      SELECT v.id,
        count(f.id) FILTER (WHERE f.anomaly)::int AS anomalies,
        coalesce(max(f.severity), 0) AS severity,
        (array_agg(f.feature ORDER BY f.severity DESC, f.feature ASC) FILTER (WHERE f.id IS NOT NULL))[1] AS top,
        count(f.id)::int AS features
      FROM "ValidationReport" v LEFT JOIN "ValidationFeatureResult" f ON f."reportId" = v.id
      WHERE v."modelId" = ${modelId}::int GROUP BY v.id
    ) s
    WHERE r.id = s.id`;
  const anomaliesAfter = await tx.validationFeatureResult.count({ where: { modelId, feature, anomaly: true } });
  return { reports: reports.length, anomaliesBefore, anomaliesAfter };
}
