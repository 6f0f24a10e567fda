import "server-only";
import { listProductionSchema } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { PRODUCTION } from "../promotions/model-state";
import { holds } from "../promotions/viewer-rights";

export type ProductionRowDto = {
  shelf: { slug: string; title: string };
  model: string;
  production: { id: number; version: number; since: string | null } | null;
  /** The version live at the requested instant, when one was asked for. */
  atVersion: number | null;
  canRollback: boolean;
};

/** Every model's production version now (and at an instant, if given), for the promotions overview. */
export async function listProduction({ ctx, input }: { ctx: Ctx; input: { at: Date | null } }): Promise<ProductionRowDto[]> {
  requireRole(ctx, "read");
  const { at } = parseInput(listProductionSchema, input);
  const models = await db().model.findMany({
    orderBy: [{ shelf: { position: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      shelfId: true,
      shelf: { select: { slug: true, title: true } },
      aliases: { where: { alias: PRODUCTION }, select: { versionId: true, version: { select: { version: true } } } },
    },
  });
  return Promise.all(
    models.map(async (m) => {
      const alias = m.aliases[0] ?? null;
      const [since, then] = await Promise.all([
        alias ? db().deployment.findFirst({ where: { modelId: m.id, toVersionId: alias.versionId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { createdAt: true } }) : null,
        at ? db().deployment.findFirst({ where: { modelId: m.id, createdAt: { lte: at } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { toVersion: { select: { version: true } } } }) : null,
      ]);
      return {
        shelf: m.shelf,
        model: m.name,
        production: alias ? { id: alias.versionId, version: alias.version.version, since: since?.createdAt.toISOString() ?? null } : null,
        atVersion: then?.toVersion.version ?? null,
        canRollback: alias !== null && holds(ctx, "rollback", m.shelfId),
      };
    }),
  );
}
