import "server-only";
import { heatmapSchema, type HeatmapInput, type ReportKind } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";

export type HeatmapColumnDto = {
  /** "2026-11-08", or "v51" for training drift. */
  label: string;
  reportId: number | null;
  anomalyCount: number;
  schemaAnomalyCount: number;
};

export type HeatmapRowDto = {
  feature: string;
  type: "numeric" | "categorical";
  maxSeverity: number;
  /** Index of the first column above threshold, if any. */
  firstAnomaly: number | null;
  /** distance / threshold per column; null where the column has no report or the feature no measurement. */
  cells: (number | null)[];
};

export type HeatmapDto = { model: string; kind: ReportKind; window: number; columns: HeatmapColumnDto[]; rows: HeatmapRowDto[]; totalFeatures: number };

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Features × days (oldest left, newest right) of distance / threshold for one report kind, most
 * severe features first. Training drift has a column per version instead of per day.
 */
export async function getValidationHeatmap({ ctx, input }: { ctx: Ctx; input: HeatmapInput }): Promise<HeatmapDto> {
  requireRole(ctx, "read");
  const data = parseInput(heatmapSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const reports = await columnReports(model.id, data.kind, data.window, ctx.now);
  const columns: HeatmapColumnDto[] = reports.columns;
  const ids = columns.flatMap((c) => (c.reportId === null ? [] : [c.reportId]));
  if (ids.length === 0) return { model: model.name, kind: data.kind, window: data.window, columns, rows: [], totalFeatures: 0 };

  // One statement: features ranked by their worst column (ties by name), the top ones' cells, the total.
  const limit = data.rows === 0 ? null : data.rows;
  const found = await db().$queryRaw<{ feature: string; type: "numeric" | "categorical"; max: number; total: number; reportId: number; severity: number }[]>`
    WITH ranked AS (
      SELECT feature, "featureType"::text AS type, max(severity) AS max, count(*) OVER ()::int AS total
      FROM "ValidationFeatureResult" WHERE "reportId" = ANY(${ids}::int[])
      GROUP BY feature, "featureType" ORDER BY max(severity) DESC, feature ASC LIMIT ${limit}::int
    )
    SELECT r.feature, r.type, r.max, r.total, f."reportId", f.severity
    FROM ranked r JOIN "ValidationFeatureResult" f ON f.feature = r.feature AND f."reportId" = ANY(${ids}::int[])
    ORDER BY r.max DESC, r.feature ASC`;
  const column = new Map(columns.map((c, i) => [c.reportId, i]));
  const rows = new Map<string, HeatmapRowDto>();
  // Three significant digits are all a colour needs (the page carries less), but a cell above its
  // threshold must stay above 1 however little it is.
  const round = (x: number) => {
    const r = Number(x.toPrecision(3));
    return x > 1 && r <= 1 ? 1.01 : r;
  };
  for (const c of found) {
    let row = rows.get(c.feature);
    if (!row) rows.set(c.feature, (row = { feature: c.feature, type: c.type, maxSeverity: round(c.max), firstAnomaly: null, cells: columns.map(() => null) }));
    const i = column.get(c.reportId);
    if (i !== undefined) row.cells[i] = round(c.severity);
  }
  for (const row of rows.values()) {
    const first = row.cells.findIndex((s) => s !== null && s > 1);
    row.firstAnomaly = first >= 0 ? first : null;
  }
  return { model: model.name, kind: data.kind, window: data.window, columns, rows: [...rows.values()], totalFeatures: found[0]?.total ?? 0 };
}

async function columnReports(modelId: number, kind: ReportKind, window: number, now: Date): Promise<{ columns: HeatmapColumnDto[] }> {
  const count = (json: unknown) => (Array.isArray(json) ? json.length : 0);
  if (kind === "training_drift") {
    const reports = await db().validationReport.findMany({
      where: { modelId, kind },
      orderBy: [{ version: { version: "desc" } }, { id: "desc" }],
      take: window,
      select: { id: true, anomalyCount: true, schemaAnomalies: true, version: { select: { version: true } } },
    });
    return { columns: reports.reverse().map((r) => ({ label: `v${r.version?.version ?? "?"}`, reportId: r.id, anomalyCount: r.anomalyCount, schemaAnomalyCount: count(r.schemaAnomalies) })) };
  }
  // The window ends yesterday (a day's serving statistics arrive after it ends), or today if it has a report.
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const reports = await db().validationReport.findMany({
    where: { modelId, kind, day: { gte: new Date(today - window * DAY_MS), lte: new Date(today) } },
    orderBy: [{ day: "asc" }, { id: "asc" }],
    select: { id: true, day: true, anomalyCount: true, schemaAnomalies: true },
  });
  const byDay = new Map(reports.map((r) => [r.day!.getTime(), r]));
  const end = byDay.has(today) ? today : today - DAY_MS;
  const columns: HeatmapColumnDto[] = [];
  for (let t = end - (window - 1) * DAY_MS; t <= end; t += DAY_MS) {
    const r = byDay.get(t);
    columns.push({ label: isoDay(t), reportId: r?.id ?? null, anomalyCount: r?.anomalyCount ?? 0, schemaAnomalyCount: count(r?.schemaAnomalies) });
  }
  return { columns };
}
