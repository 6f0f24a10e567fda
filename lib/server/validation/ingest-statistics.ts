import "server-only";
import { ProfileFormatError } from "../../drift/errors";
import { parseProfileJson, type ParsedProfile } from "../../drift/tfdv";
import { ingestStatisticsSchema, type IngestStatisticsInput } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { AppError, parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { ingestProfile, type IngestedProfileDto } from "./ingest-profile";

/** A malformed profile or TFDV document as a 400 naming the path at fault ("datasets[0].features[3]…"). */
export function profileFormatError(error: ProfileFormatError): AppError {
  return new AppError("INVALID_REQUEST", `The statistics are not valid: ${error.message}`, [{ path: error.path, message: error.problem }]);
}

/**
 * A pipeline posts the statistics of a dataset (training set of a version, serving day, evaluation
 * set): a Shelfwatch profile or TFDV's DatasetFeatureStatisticsList (the first dataset of the list).
 * They are stored and every report they take part in is computed before the answer, in one transaction.
 */
export async function ingestStatistics({ ctx, input }: { ctx: Ctx; input: IngestStatisticsInput }): Promise<IngestedProfileDto> {
  requireRole(ctx, "ingest");
  const data = parseInput(ingestStatisticsSchema, input);
  const model = await findModel(ctx, data.model, "ingest");
  let parsed: ParsedProfile;
  try {
    parsed = parseProfileJson(data.statistics);
  } catch (error) {
    if (error instanceof ProfileFormatError) throw profileFormatError(error);
    throw error;
  }
  return ingestProfile(ctx, { model, target: data.target, profile: parsed.profile, source: parsed.source });
}
