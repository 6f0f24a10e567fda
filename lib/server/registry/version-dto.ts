import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../db";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A registered version as the API and the pages see it. */
export type VersionDto = {
  model: string;
  version: number;
  createdAt: string;
  trainedAt: string;
  dataWindow: { start: string; end: string } | null;
  pipelineRunId: string | null;
  pipelineRunUrl: string | null;
  codeRevision: string | null;
  parentVersion: number | null;
  hyperparameters: Record<string, JsonValue>;
  artifactUri: string | null;
  tags: Record<string, string>;
  createdBy: string;
  aliases: string[];
};

export type VersionRow = {
  id: number;
  version: number;
  createdAt: Date;
  trainedAt: Date;
  dataWindowStart: Date | null;
  dataWindowEnd: Date | null;
  pipelineRunId: string | null;
  pipelineRunUrl: string | null;
  codeRevision: string | null;
  parentVersion: number | null;
  hyperparameters: unknown;
  artifactUri: string | null;
  tags: unknown;
  createdBy: string;
  aliases: string[];
};

/**
 * Reads versions of a model with their parent's number and their aliases in one statement (a version
 * with its relations through the query builder would take three). `where` narrows `v`, the version.
 */
export function readVersions(client: Db | Tx, modelId: number, where: Prisma.Sql, orderAndLimit: Prisma.Sql = Prisma.empty): Promise<VersionRow[]> {
  return client.$queryRaw<VersionRow[]>`
    SELECT v.id, v."version", v."createdAt", v."trainedAt", v."dataWindowStart", v."dataWindowEnd", v."pipelineRunId", v."pipelineRunUrl",
      v."codeRevision", p."version" AS "parentVersion", v."hyperparameters", v."artifactUri", v."tags", v."createdBy",
      coalesce((SELECT array_agg(a."alias" ORDER BY a."alias") FROM "ModelAlias" a WHERE a."versionId" = v.id), '{}') AS aliases
    FROM "ModelVersion" v LEFT JOIN "ModelVersion" p ON p.id = v."parentVersionId"
    WHERE v."modelId" = ${modelId}::int AND ${where}
    ${orderAndLimit}`;
}

function asObject<T>(value: unknown): Record<string, T> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

/** Maps a row to the DTO: ISO dates, plain JSON, parent as a version number. */
export function toVersionDto(model: string, row: VersionRow): VersionDto {
  return {
    model,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    trainedAt: row.trainedAt.toISOString(),
    dataWindow: row.dataWindowStart && row.dataWindowEnd ? { start: row.dataWindowStart.toISOString(), end: row.dataWindowEnd.toISOString() } : null,
    pipelineRunId: row.pipelineRunId,
    pipelineRunUrl: row.pipelineRunUrl,
    codeRevision: row.codeRevision,
    parentVersion: row.parentVersion,
    hyperparameters: asObject<JsonValue>(row.hyperparameters),
    artifactUri: row.artifactUri,
    tags: Object.fromEntries(Object.entries(asObject<unknown>(row.tags)).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
    createdBy: row.createdBy,
    aliases: row.aliases,
  };
}
