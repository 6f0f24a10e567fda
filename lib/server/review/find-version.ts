import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";

export type VersionRef = {
  versionId: number;
  version: number;
  modelId: number;
  modelName: string;
  shelfId: number;
  shelfSlug: string;
  shelfTitle: string;
  productionVersionId: number | null;
  productionVersion: number | null;
};

// One statement rather than a nested select: every review request resolves its version first, and the
// nested form costs a round trip per relation.
const select = (client: Db | Tx, where: Prisma.Sql, version: number) =>
  client.$queryRaw<VersionRef[]>`
    SELECT v."id" AS "versionId", v."version", m."id" AS "modelId", m."name" AS "modelName",
      s."id" AS "shelfId", s."slug" AS "shelfSlug", s."title" AS "shelfTitle",
      a."versionId" AS "productionVersionId", pv."version" AS "productionVersion"
    FROM "ModelVersion" v
    JOIN "Model" m ON m."id" = v."modelId"
    JOIN "Shelf" s ON s."id" = m."shelfId"
    LEFT JOIN "ModelAlias" a ON a."modelId" = m."id" AND a."alias" = 'production'
    LEFT JOIN "ModelVersion" pv ON pv."id" = a."versionId"
    WHERE v."version" = ${version} AND ${where}`;

/** A version by its model's name and number (the API's path); NOT_FOUND when either is unknown. */
export async function findVersionByModel(client: Db | Tx, model: string, version: number): Promise<VersionRef> {
  const [row] = await select(client, Prisma.sql`m."name" = ${model}`, version);
  if (!row) throw new AppError("NOT_FOUND", `No version ${version} of model "${model}".`);
  return row;
}

/** A version by its shelf's slug and number (the pages' path); NOT_FOUND when either is unknown. */
export async function findVersionByShelf(client: Db | Tx, slug: string, version: number): Promise<VersionRef> {
  const [row] = await select(client, Prisma.sql`s."slug" = ${slug}`, version);
  if (!row) throw new AppError("NOT_FOUND", `No version ${version} on shelf "${slug}".`);
  return row;
}
