import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { listReportsSchema, type ListReportsInput, type ReportKind } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { REPORT_SUMMARY_SELECT, toReportSummary, type ReportSummaryDto } from "./report-dto";

/** A model's reports, newest first (by serving day, then by version for training drift), filtered by kind and days. */
export async function listReports({ ctx, input }: { ctx: Ctx; input: ListReportsInput }): Promise<{ model: string; kind: ReportKind | null; reports: ReportSummaryDto[] }> {
  requireRole(ctx, "read");
  const data = parseInput(listReportsSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const day: Prisma.DateTimeNullableFilter = {};
  if (data.from) day.gte = new Date(`${data.from}T00:00:00Z`);
  if (data.to) day.lte = new Date(`${data.to}T00:00:00Z`);
  const rows = await db().validationReport.findMany({
    where: { modelId: model.id, ...(data.kind ? { kind: data.kind } : {}), ...(data.from || data.to ? { day } : {}) },
    orderBy: [{ day: { sort: "desc", nulls: "last" } }, { version: { version: "desc" } }, { kind: "asc" }, { id: "desc" }],
    take: data.limit,
    select: REPORT_SUMMARY_SELECT,
  });
  return { model: model.name, kind: data.kind ?? null, reports: rows.map(toReportSummary) };
}
