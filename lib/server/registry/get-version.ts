import "server-only";
import { versionStatus, type VersionStatus } from "../../registry/compare";
import { productionPeriods } from "../../registry/production-periods";
import { getVersionSchema, type GetVersionInput } from "../../schemas/registry";
import { Prisma } from "../../generated/prisma/client";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { findModel, type ModelRef } from "../models/find-model";
import { revisionCache } from "../models/revision-cache";
import { deploymentEvents, modelState } from "./registry-reads";
import { readVersions, toVersionDto, type VersionDto } from "./version-dto";

export type VersionDetailDto = VersionDto & {
  shelf: { slug: string; title: string };
  status: VersionStatus;
  productionVersion: number | null;
  /** When this version served production (newest first; `to` null while it still does). */
  servedProduction: { from: string; to: string | null }[];
  /** Versions registered with this one as their parent (the first 20). */
  children: number[];
};

const MAX_CHILDREN = 20;

/** One version with its lineage, its place on the shelf and when it served production. */
export async function getVersion({ ctx, input }: { ctx: Ctx; input: GetVersionInput }): Promise<VersionDetailDto> {
  requireRole(ctx, "read");
  const data = parseInput(getVersionSchema, input);
  const model = await findModel(ctx, data.model, "read");
  return versions(model, [data.version], () => readVersion(model, data.version));
}

// A version's page is the same for every viewer until the model's registry rows change.
const versions = revisionCache<VersionDetailDto>(500);

async function readVersion(model: ModelRef, version: number): Promise<VersionDetailDto> {
  const [[row], children, state, deployments] = await Promise.all([
    readVersions(db(), model.id, Prisma.sql`v."version" = ${version}::int`),
    db().$queryRaw<{ version: number }[]>`
      SELECT c."version" FROM "ModelVersion" c JOIN "ModelVersion" v ON v.id = c."parentVersionId"
      WHERE v."modelId" = ${model.id}::int AND v."version" = ${version}::int ORDER BY c."version" LIMIT ${MAX_CHILDREN}::int`,
    modelState(model),
    deploymentEvents(model),
  ]);
  if (!row) throw new AppError("NOT_FOUND", `${model.name} has no version ${version}.`);
  const productionVersion = state.production?.version ?? null;
  const periods = productionPeriods(deployments);
  return {
    ...toVersionDto(model.name, row),
    shelf: { slug: model.shelfSlug, title: model.shelfTitle },
    status: versionStatus(row.version, { production: productionVersion, newest: state.newest?.version ?? null, pending: state.pending?.version ?? null }),
    productionVersion,
    servedProduction: periods
      .filter((p) => p.version === row.version)
      .reverse()
      .map((p) => ({ from: new Date(p.from).toISOString(), to: p.to === null ? null : new Date(p.to).toISOString() })),
    children: children.map((c) => c.version),
  };
}
