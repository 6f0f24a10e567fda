import "server-only";
import type { ReviewModelOption, ReviewTargetsDto } from "../../review/default-candidate";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

export type { ReviewModelOption, ReviewTargetsDto };

const VERSIONS_PER_MODEL = 30;

/** What can be reviewed: per model, the versions with samples, production and the version awaiting promotion. */
export async function listReviewTargets({ ctx }: { ctx: Ctx }): Promise<ReviewTargetsDto> {
  requireRole(ctx, "read");
  const rows = await db().$queryRaw<{ model: string; slug: string; title: string; version: number; production: number | null; pending: number | null }[]>`
    SELECT m."name" AS model, s."slug", s."title", v."version",
      (SELECT pv."version" FROM "ModelAlias" a JOIN "ModelVersion" pv ON pv."id" = a."versionId" WHERE a."modelId" = m."id" AND a."alias" = 'production') AS production,
      (SELECT rv."version" FROM "PromotionRequest" p JOIN "ModelVersion" rv ON rv."id" = p."versionId" WHERE p."modelId" = m."id" AND p."status" = 'pending' LIMIT 1) AS pending
    FROM "ModelVersion" v
    JOIN "Model" m ON m."id" = v."modelId"
    JOIN "Shelf" s ON s."id" = m."shelfId"
    WHERE EXISTS (SELECT 1 FROM "RecommendationSample" r WHERE r."versionId" = v."id")
    ORDER BY s."position", s."slug", v."version" DESC`;
  const models = new Map<string, ReviewModelOption>();
  for (const r of rows) {
    const entry = models.get(r.model) ?? { model: r.model, shelfSlug: r.slug, shelfTitle: r.title, production: r.production, pendingPromotion: r.pending, versions: [] };
    if (entry.versions.length < VERSIONS_PER_MODEL) entry.versions.push(r.version);
    models.set(r.model, entry);
  }
  return { models: [...models.values()] };
}

