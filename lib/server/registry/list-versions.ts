import "server-only";
import { listVersionsSchema, type ListVersionsInput } from "../../schemas/registry";
import { Prisma } from "../../generated/prisma/client";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { revisionCache } from "../models/revision-cache";
import { readVersions, toVersionDto, type VersionDto } from "./version-dto";

export type VersionPageDto = { model: string; versions: VersionDto[]; nextCursor: string | null };

/**
 * A model's versions, newest first, `limit` at a time. The cursor is the last version number of the
 * previous page (keyset paging on the (modelId, version) key: every page costs the same).
 */
export async function listVersions({ ctx, input }: { ctx: Ctx; input: ListVersionsInput }): Promise<VersionPageDto> {
  requireRole(ctx, "read");
  const data = parseInput(listVersionsSchema, input);
  const model = await findModel(ctx, data.model, "read");
  return pages(model, [data.limit, data.cursor ?? null], async () => {
    // One extra row says whether there is a next page without counting.
    const rows = await readVersions(
      db(),
      model.id,
      data.cursor !== undefined ? Prisma.sql`v."version" < ${Number(data.cursor)}::int` : Prisma.sql`true`,
      Prisma.sql`ORDER BY v."version" DESC LIMIT ${data.limit + 1}::int`,
    );
    const page = rows.slice(0, data.limit);
    const last = page[page.length - 1];
    return { model: model.name, versions: page.map((r) => toVersionDto(model.name, r)), nextCursor: rows.length > data.limit && last ? String(last.version) : null };
  });
}

// Pages of the list, the same for every caller until the model's registry rows change.
const pages = revisionCache<VersionPageDto>(500);
