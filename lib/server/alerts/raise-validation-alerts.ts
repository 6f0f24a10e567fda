import "server-only";
import type { AlertKind } from "../../schemas/alerts";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import type { SweepResultDto } from "./check-missed-retrains";
import { clearAlert } from "./clear-alert";
import { liveAlertsByKey } from "./live-alerts";
import { openKeyOf, raiseAlert } from "./raise-alert";
import { describeSchemaAnomaly } from "./schema-anomaly-text";

const COMPARATOR: Record<string, string> = {
  l_infinity: "L-infinity",
  jensen_shannon: "Jensen-Shannon",
  normalized_abs_difference: "normalized abs. difference",
  psi: "PSI",
  wasserstein: "Wasserstein",
};

type Report = { id: number; kind: "skew" | "drift" | "training_drift"; day: Date | null; anomalyCount: number; featureCount: number; maxSeverity: number; schemaAnomalies: unknown; version: { version: number } | null };

// Each report kind raises one alert kind; training drift (version N against N-1) is drift of its own subject.
const SOURCES = [
  { report: "skew", alert: "skew", suffix: "" },
  { report: "drift", alert: "drift", suffix: "" },
  { report: "training_drift", alert: "drift", suffix: ":training" },
] as const;

/**
 * Turns each model's newest skew and drift reports into alerts: an anomalous report raises (or bumps)
 * a skew, drift or schema alert naming the features at fault; a clean newest report resolves it.
 * Idempotent: a report already counted is not counted again.
 */
export async function raiseValidationAlerts({ ctx }: { ctx: Ctx }): Promise<SweepResultDto> {
  requireRole(ctx, "manageSettings");
  const [models, live] = await Promise.all([db().model.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } }), liveAlertsByKey(["skew", "drift", "schema"])]);
  const out: SweepResultDto = { raised: [], cleared: [] };
  for (const model of models) {
    for (const source of SOURCES) {
      const report = await newestReport(model.id, source.report);
      if (!report) continue;
      const subject = `${model.name}${source.suffix}`;
      // A report its live alert has already counted has nothing new to say.
      const counted = (kind: AlertKind, subj: string) => live.get(openKeyOf(kind, subj))?.details.occurrence === `report:${report.id}`;
      if (report.anomalyCount > 0) {
        if (!counted(source.alert, subject)) {
          await raiseFeatureAlert(ctx, model, source, subject, report);
          out.raised.push(`${source.alert}:${subject}`);
        }
      } else if (await clearIfLive(ctx, live, source.alert, subject, report)) out.cleared.push(`${source.alert}:${subject}`);

      // Schema changes between training and serving show in the skew report.
      if (source.report !== "skew") continue;
      const anomalies = Array.isArray(report.schemaAnomalies) ? (report.schemaAnomalies as Record<string, unknown>[]) : [];
      if (anomalies.length > 0) {
        if (!counted("schema", model.name)) {
          await raiseSchemaAlert(ctx, model, report, anomalies);
          out.raised.push(`schema:${model.name}`);
        }
      } else if (await clearIfLive(ctx, live, "schema", model.name, report)) out.cleared.push(`schema:${model.name}`);
    }
  }
  return out;
}

type ModelRef = { id: number; name: string };

/** Skew or drift: the most severe features against their thresholds, and since when. */
async function raiseFeatureAlert(ctx: Ctx, model: ModelRef, source: (typeof SOURCES)[number], subject: string, report: Report) {
  const features = await db().validationFeatureResult.findMany({
    where: { reportId: report.id, anomaly: true },
    orderBy: { severity: "desc" },
    take: 5,
    select: { feature: true, comparator: true, distance: true, threshold: true, movedMost: true },
  });
  const top = features[0];
  const more = report.anomalyCount > 1 ? ` and ${report.anomalyCount - 1} more feature${report.anomalyCount > 2 ? "s" : ""}` : "";
  const streak = report.day ? await anomalousSince(model.id, source.report === "training_drift" ? "drift" : source.report, "features") : null;
  const when = report.day ? ` ${streakText(streak, report.day)}` : report.version ? ` in v${report.version.version}` : "";
  const what = source.report === "training_drift" ? "Training drift" : source.alert === "skew" ? "Skew" : "Drift";
  const title = top
    ? `${what} on ${model.name}${when}: ${top.feature} (${COMPARATOR[top.comparator] ?? top.comparator} ${top.distance.toFixed(3)} > ${top.threshold.toFixed(3)})${more}`
    : `${what} on ${model.name}${when}: ${report.anomalyCount} anomalous feature${report.anomalyCount > 1 ? "s" : ""}`;
  const listed = features.map((f) => ({ ...f, comparator: COMPARATOR[f.comparator] ?? f.comparator }));
  await raise(ctx, model.id, source.alert, subject, title, report, { ...streakDetails(streak, report.day), features: listed });
}

/** Schema changes: the first in words, how many more, and since when. */
async function raiseSchemaAlert(ctx: Ctx, model: ModelRef, report: Report, anomalies: Record<string, unknown>[]) {
  const first = describeSchemaAnomaly(anomalies[0]);
  const more = anomalies.length > 1 ? ` and ${anomalies.length - 1} more change${anomalies.length > 2 ? "s" : ""}` : "";
  const streak = report.day ? await anomalousSince(model.id, "skew", "schema") : null;
  const title = `Schema change on ${model.name}${report.day ? ` ${streakText(streak, report.day)}` : ""}: ${first}${more}`;
  await raise(ctx, model.id, "schema", model.name, title, report, { ...streakDetails(streak, report.day), anomalies: anomalies.slice(0, 10).map(describeSchemaAnomaly) });
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The first serving day of the current run of anomalous reports (features above threshold, or schema
 * anomalies): "skewed since 2026-11-08" tells people when a feature broke, not when Shelfwatch looked.
 */
async function anomalousSince(modelId: number, kind: "skew" | "drift", what: "features" | "schema"): Promise<Date | null> {
  const rows = await db().$queryRaw<{ day: Date; bad: boolean }[]>`
    SELECT "day", bool_or(CASE WHEN ${what} = 'schema' THEN jsonb_array_length("schemaAnomalies") > 0 ELSE "anomalyCount" > 0 END) AS "bad"
    FROM "ValidationReport" WHERE "modelId" = ${modelId} AND "kind" = ${kind}::"ReportKind" AND "day" IS NOT NULL
    GROUP BY "day" ORDER BY "day" DESC LIMIT 400`;
  let since: Date | null = null;
  for (const r of rows) {
    if (!r.bad) break;
    since = new Date(r.day);
  }
  return since;
}

function streakText(since: Date | null, day: Date): string {
  if (!since || iso(since) === iso(day)) return `on ${iso(day)}`;
  return `since ${iso(since)} (${Math.round((day.getTime() - since.getTime()) / DAY) + 1} days)`;
}

function streakDetails(since: Date | null, day: Date | null): Record<string, unknown> {
  return since && day ? { since: iso(since), days: Math.round((day.getTime() - since.getTime()) / DAY) + 1 } : {};
}

async function newestReport(modelId: number, kind: Report["kind"]): Promise<Report | null> {
  return db().validationReport.findFirst({
    where: { modelId, kind },
    orderBy: kind === "training_drift" ? [{ version: { version: "desc" } }, { computedAt: "desc" }] : [{ day: "desc" }, { computedAt: "desc" }],
    select: { id: true, kind: true, day: true, anomalyCount: true, featureCount: true, maxSeverity: true, schemaAnomalies: true, version: { select: { version: true } } },
  });
}

async function raise(ctx: Ctx, modelId: number, kind: AlertKind, subject: string, title: string, report: Report, extra: Record<string, unknown>) {
  await db().$transaction((tx) =>
    raiseAlert(tx, ctx, {
      kind,
      subject,
      modelId,
      title,
      occurrence: `report:${report.id}`,
      details: {
        reportId: report.id,
        reportKind: report.kind,
        day: report.day?.toISOString().slice(0, 10) ?? null,
        version: report.version?.version ?? null,
        anomalyCount: report.anomalyCount,
        featureCount: report.featureCount,
        maxSeverity: report.maxSeverity,
        ...extra,
      },
    }),
  );
}

async function clearIfLive(ctx: Ctx, live: Map<string, unknown>, kind: AlertKind, subject: string, report: Report): Promise<boolean> {
  if (!live.has(openKeyOf(kind, subject))) return false;
  const when = report.day ? `the report of ${report.day.toISOString().slice(0, 10)}` : report.version ? `the report of v${report.version.version}` : "the newest report";
  const reason = `${when} is clean`;
  return (await db().$transaction((tx) => clearAlert(tx, ctx, { kind, subject, reason }))) !== null;
}
