import "server-only";
import type { ComparatorName } from "../../schemas/validation";
import { describeSchemaAnomaly } from "../alerts/schema-anomaly-text";
import type { Db, Tx } from "../db";

// The skew and drift state of a model as Home and the shelf page show it: is the newest report of each
// kind anomalous, which features, and since which day (the first report of the run of anomalies that
// reaches the newest one), so that "since when" is on the first screen an engineer sees.

type Client = Db | Tx;

export type StateFeatureDto = { feature: string; comparator: ComparatorName; distance: number; threshold: number; since: string | null; sinceReportId: number | null };

export type KindStateDto = {
  kind: "skew" | "drift";
  /** The newest report of the kind, or null when there is none. */
  report: { id: number; day: string | null; anomalyCount: number; schemaAnomalyCount: number } | null;
  anomalous: boolean;
  /** Features above threshold in the newest report, most severe first, each with the first day of its run. */
  features: StateFeatureDto[];
  /** The newest report's schema anomalies, in words. */
  schema: string[];
  /** First day of the current run of anomalous reports (any feature or schema anomaly). */
  since: string | null;
  sinceReportId: number | null;
};

// The features named: the most severe of the newest report.
const TOP_FEATURES = 5;
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const count = (json: unknown) => (Array.isArray(json) ? json.length : 0);

/** The newest skew or drift report of a model with its anomalous features and where their run started. */
export async function kindState(client: Client, modelId: number, kind: "skew" | "drift"): Promise<KindStateDto> {
  const newest = await client.validationReport.findFirst({ where: { modelId, kind }, orderBy: [{ day: "desc" }, { id: "desc" }], select: { id: true, day: true, anomalyCount: true, schemaAnomalies: true } });
  if (!newest || !newest.day) return { kind, report: null, anomalous: false, features: [], schema: [], since: null, sinceReportId: null };
  const anomalous = newest.anomalyCount > 0 || count(newest.schemaAnomalies) > 0;
  const day = isoDay(newest.day);
  // A run starts the day after the last clean report (of the feature, or of the whole report).
  const [since] = anomalous
    ? await client.$queryRaw<{ id: number; day: Date }[]>`
        SELECT id, day FROM "ValidationReport"
        WHERE "modelId" = ${modelId}::int AND kind = ${kind}::"ReportKind" AND day <= ${day}::date
          AND day > coalesce((SELECT max(day) FROM "ValidationReport" WHERE "modelId" = ${modelId}::int AND kind = ${kind}::"ReportKind" AND day <= ${day}::date
                                AND "anomalyCount" = 0 AND "schemaAnomalies" = '[]'::jsonb), '-infinity'::date)
        ORDER BY day ASC, id ASC LIMIT 1`
    : [];
  const features = anomalous
    ? await client.$queryRaw<{ feature: string; comparator: ComparatorName; distance: number; threshold: number; sinceReportId: number | null; since: Date | null }[]>`
        SELECT f.feature, f.comparator::text AS comparator, f.distance, f.threshold, s."reportId" AS "sinceReportId", s.day AS since
        FROM "ValidationFeatureResult" f
        LEFT JOIN LATERAL (
          SELECT g."reportId", g.day FROM "ValidationFeatureResult" g
          WHERE g."modelId" = ${modelId}::int AND g.kind = ${kind}::"ReportKind" AND g.feature = f.feature AND g.day <= ${day}::date
            AND g.day > coalesce((SELECT max(h.day) FROM "ValidationFeatureResult" h WHERE h."modelId" = ${modelId}::int AND h.kind = ${kind}::"ReportKind"
                                  AND h.feature = f.feature AND NOT h.anomaly AND h.day <= ${day}::date), '-infinity'::date)
          ORDER BY g.day ASC LIMIT 1
        ) s ON true
        WHERE f."reportId" = ${newest.id}::int AND f.anomaly
        ORDER BY f.severity DESC, f.feature ASC LIMIT ${TOP_FEATURES}::int`
    : [];
  const schema = Array.isArray(newest.schemaAnomalies) ? (newest.schemaAnomalies as Record<string, unknown>[]).map(describeSchemaAnomaly) : [];
  return {
    kind,
    report: { id: newest.id, day: isoDay(newest.day), anomalyCount: newest.anomalyCount, schemaAnomalyCount: schema.length },
    anomalous,
    features: features.map((f) => ({ feature: f.feature, comparator: f.comparator, distance: f.distance, threshold: f.threshold, since: isoDay(f.since), sinceReportId: f.sinceReportId })),
    schema,
    since: isoDay(since?.day ?? null),
    sinceReportId: since?.id ?? null,
  };
}
