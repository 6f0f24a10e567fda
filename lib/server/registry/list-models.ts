import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

export type ModelSummaryDto = {
  name: string;
  description: string;
  shelf: { slug: string; title: string; team: string };
  primaryMetric: string | null;
  direction: "higher_is_better" | "lower_is_better" | null;
  threshold: number | null;
  production: { version: number; since: string | null } | null;
  latestVersion: number | null;
};

/** Every model with its shelf, its gate's primary metric and the version in production. */
export async function listModels({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<{ models: ModelSummaryDto[] }> {
  requireRole(ctx, "read");
  const models = await db().model.findMany({
    orderBy: [{ shelf: { position: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      shelf: { select: { slug: true, title: true, team: true } },
      gatePolicy: { select: { primaryMetric: true, direction: true, absoluteThreshold: true } },
      aliases: { where: { alias: "production" }, select: { versionId: true, version: { select: { version: true } } } },
    },
  });
  // Per model, two indexed look-ups (newest version, last deployment to production) instead of loading
  // every version: a model may hold ten thousand.
  const summaries = await Promise.all(
    models.map(async (m) => {
      const prod = m.aliases[0] ?? null;
      const [latest, deployed] = await Promise.all([
        db().modelVersion.findFirst({ where: { modelId: m.id }, orderBy: { version: "desc" }, select: { version: true } }),
        prod ? db().deployment.findFirst({ where: { modelId: m.id, toVersionId: prod.versionId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }) : null,
      ]);
      return {
        name: m.name,
        description: m.description,
        shelf: m.shelf,
        primaryMetric: m.gatePolicy?.primaryMetric ?? null,
        direction: m.gatePolicy?.direction ?? null,
        threshold: m.gatePolicy?.absoluteThreshold ?? null,
        production: prod ? { version: prod.version.version, since: deployed?.createdAt.toISOString() ?? null } : null,
        latestVersion: latest?.version ?? null,
      };
    }),
  );
  return { models: summaries };
}
