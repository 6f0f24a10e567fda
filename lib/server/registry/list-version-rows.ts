import "server-only";
import { meetsThreshold, versionStatus, type Direction, type VersionStatus } from "../../registry/compare";
import { listVersionRowsSchema, type ListVersionRowsInput, type VersionSort } from "../../schemas/registry";
import { Prisma } from "../../generated/prisma/client";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { revisionCache } from "../models/revision-cache";
import { modelState } from "./registry-reads";

export type VersionRowDto = {
  version: number;
  trainedAt: string;
  dataWindow: { start: string; end: string } | null;
  codeRevision: string | null;
  score: number | null;
  meetsThreshold: boolean | null;
  status: VersionStatus;
  /** It served production at some point (it has a deployment). */
  wasProduction: boolean;
};

export type VersionTableDto = {
  rows: VersionRowDto[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  sort: VersionSort;
  dir: "asc" | "desc";
  metric: string | null;
  direction: Direction | null;
  threshold: number | null;
};

// Whitelisted orderings; each ends on the version so pages never overlap on ties.
const ORDER: Record<VersionSort, Record<"asc" | "desc", Prisma.Sql>> = {
  version: { asc: Prisma.sql`v."version" ASC`, desc: Prisma.sql`v."version" DESC` },
  trained: { asc: Prisma.sql`v."trainedAt" ASC, v."version" ASC`, desc: Prisma.sql`v."trainedAt" DESC, v."version" DESC` },
  metric: { asc: Prisma.sql`e."value" ASC NULLS LAST, v."version" DESC`, desc: Prisma.sql`e."value" DESC NULLS LAST, v."version" DESC` },
};

type PageRow = { id: number; version: number; trainedAt: Date; dataWindowStart: Date | null; dataWindowEnd: Date | null; codeRevision: string | null; score: number | null; wasProduction: boolean };

// Pages of the table as sorted on the server, kept while the model's revision stands.
const versionPages = revisionCache<PageRow[]>(500);

/** One page of a model's versions for the shelf page, sorted on the server, with the primary metric and status. */
export async function listVersionRows({ ctx, input }: { ctx: Ctx; input: ListVersionRowsInput }): Promise<VersionTableDto> {
  requireRole(ctx, "read");
  const data = parseInput(listVersionRowsSchema, input);
  const model = await findModel(ctx, data.model, "read");
  const state = await modelState(model);
  const { policy } = state;
  const total = state.versionCount;
  const pageCount = Math.max(1, Math.ceil(total / data.pageSize));
  const page = Math.min(data.page, pageCount);
  const metric = policy?.primaryMetric ?? null;
  const rows = await versionPages(model, [metric, data.sort, data.dir, data.pageSize, page], () => db().$queryRaw<PageRow[]>`
    SELECT v.id, v."version", v."trainedAt", v."dataWindowStart", v."dataWindowEnd", v."codeRevision", e."value" AS score,
      EXISTS (SELECT 1 FROM "Deployment" d WHERE d."modelId" = v."modelId" AND d."toVersionId" = v.id) AS "wasProduction"
    FROM "ModelVersion" v
    LEFT JOIN "Evaluation" e ON e."versionId" = v.id AND e."metric" = ${metric ?? ""} AND e."dataset" = ''
    WHERE v."modelId" = ${model.id}::int
    ORDER BY ${ORDER[data.sort][data.dir]}
    LIMIT ${data.pageSize}::int OFFSET ${(page - 1) * data.pageSize}::int`);
  const shelfState = { production: state.production?.version ?? null, newest: state.newest?.version ?? null, pending: state.pending?.version ?? null };
  return {
    rows: rows.map((r) => ({
      version: r.version,
      trainedAt: r.trainedAt.toISOString(),
      dataWindow: r.dataWindowStart && r.dataWindowEnd ? { start: r.dataWindowStart.toISOString(), end: r.dataWindowEnd.toISOString() } : null,
      codeRevision: r.codeRevision,
      score: r.score,
      meetsThreshold: policy ? meetsThreshold(r.score, policy.threshold, policy.direction) : null,
      status: versionStatus(r.version, shelfState),
      wasProduction: r.wasProduction,
    })),
    total,
    page,
    pageCount,
    pageSize: data.pageSize,
    sort: data.sort,
    dir: data.dir,
    metric,
    direction: policy?.direction ?? null,
    threshold: policy?.threshold ?? null,
  };
}
