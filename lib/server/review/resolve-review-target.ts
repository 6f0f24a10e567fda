import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { findVersionByModel, type VersionRef } from "./find-version";

export type ReviewTarget = { candidate: VersionRef; baseline: { versionId: number; version: number } | null; baselineIsProduction: boolean };

/**
 * The candidate and the baseline it is compared with: the version asked for, else production, else
 * none. A baseline equal to the candidate compares nothing, so it counts as none.
 */
export async function resolveReviewTarget(model: string, version: number, baselineVersion: number | null | undefined): Promise<ReviewTarget> {
  const candidate = await findVersionByModel(db(), model, version);
  if (baselineVersion != null) {
    const baseline = await db().modelVersion.findUnique({
      where: { modelId_version: { modelId: candidate.modelId, version: baselineVersion } },
      select: { id: true, version: true },
    });
    if (!baseline) throw new AppError("NOT_FOUND", `No version ${baselineVersion} of model "${model}" to compare with.`, [{ path: "baseline", message: "unknown version" }]);
    if (baseline.id === candidate.versionId) return { candidate, baseline: null, baselineIsProduction: false };
    return { candidate, baseline: { versionId: baseline.id, version: baseline.version }, baselineIsProduction: baseline.id === candidate.productionVersionId };
  }
  const productionId = candidate.productionVersionId;
  if (productionId === null || productionId === candidate.versionId || candidate.productionVersion === null) return { candidate, baseline: null, baselineIsProduction: false };
  return { candidate, baseline: { versionId: productionId, version: candidate.productionVersion }, baselineIsProduction: true };
}
