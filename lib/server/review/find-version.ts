import "server-only";
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

const SELECT = {
  id: true,
  version: true,
  model: {
    select: {
      id: true,
      name: true,
      shelf: { select: { id: true, slug: true, title: true } },
      aliases: { where: { alias: "production" }, select: { versionId: true, version: { select: { version: true } } } },
    },
  },
} as const;

type Row = { id: number; version: number; model: { id: number; name: string; shelf: { id: number; slug: string; title: string }; aliases: { versionId: number; version: { version: number } }[] } };

function toRef(row: Row): VersionRef {
  return {
    versionId: row.id,
    version: row.version,
    modelId: row.model.id,
    modelName: row.model.name,
    shelfId: row.model.shelf.id,
    shelfSlug: row.model.shelf.slug,
    shelfTitle: row.model.shelf.title,
    productionVersionId: row.model.aliases[0]?.versionId ?? null,
    productionVersion: row.model.aliases[0]?.version.version ?? null,
  };
}

/** A version by its model's name and number (the API's path); NOT_FOUND when either is unknown. */
export async function findVersionByModel(client: Db | Tx, model: string, version: number): Promise<VersionRef> {
  const row = await client.modelVersion.findFirst({ where: { version, model: { name: model } }, select: SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No version ${version} of model "${model}".`);
  return toRef(row);
}

/** A version by its shelf's slug and number (the pages' path); NOT_FOUND when either is unknown. */
export async function findVersionByShelf(client: Db | Tx, slug: string, version: number): Promise<VersionRef> {
  const row = await client.modelVersion.findFirst({ where: { version, model: { shelf: { slug } } }, select: SELECT });
  if (!row) throw new AppError("NOT_FOUND", `No version ${version} on shelf "${slug}".`);
  return toRef(row);
}
