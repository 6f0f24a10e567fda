import "server-only";
import { createProfileBuilder } from "../../drift/builder";
import { ingestFeatureRowsSchema, MAX_ROW_FEATURES, type IngestFeatureRowsInput } from "../../schemas/validation";
import { requireRole, type Ctx } from "../context";
import { AppError, parseInput } from "../errors";
import { findModel } from "../models/find-model";
import { ingestProfile, type IngestedProfileDto } from "./ingest-profile";

export type FeatureRowLines = AsyncIterable<{ line: string; lineNumber: number }>;

// How often the number of features is checked while streaming (a look at every accumulator).
const FEATURE_CHECK_EVERY = 4_096;
// `"x":0,` is the shortest a feature can be written.
const MIN_CHARS_PER_FEATURE = 6;

function badLine(lineNumber: number, message: string): AppError {
  return new AppError("INVALID_REQUEST", `Line ${lineNumber} of the NDJSON body ${message}.`, [{ path: `line ${lineNumber}`, message }]);
}

/**
 * A pipeline streams raw feature rows (NDJSON, one JSON object per line: feature name → value, null
 * for missing) and they become the dataset's profile in one pass with bounded memory: each row is
 * folded into the profile and dropped, so a million rows never sit in memory. Then, as for posted
 * statistics, the profile is stored and its reports computed in one transaction.
 */
export async function ingestFeatureRows({ ctx, input }: { ctx: Ctx; input: IngestFeatureRowsInput & { lines: FeatureRowLines } }): Promise<IngestedProfileDto & { rows: number }> {
  requireRole(ctx, "ingest");
  const { lines, ...rest } = input;
  const data = parseInput(ingestFeatureRowsSchema, rest);
  // Authorise before reading a byte of the body.
  const model = await findModel(ctx, data.model, "ingest");
  const builder = createProfileBuilder({ name: data.target.kind });
  for await (const { line, lineNumber } of lines) {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw badLine(lineNumber, `is not valid JSON (${(error as Error).message})`);
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) throw badLine(lineNumber, "is not a JSON object of feature values");
    // A row naming thousands of features is long: count its keys only then, before the profiler sees it.
    if (line.length > MIN_CHARS_PER_FEATURE * MAX_ROW_FEATURES && Object.keys(row).length > MAX_ROW_FEATURES) {
      throw badLine(lineNumber, `names more than ${MAX_ROW_FEATURES} features`);
    }
    builder.add(row as Record<string, unknown>);
    if (builder.rows % FEATURE_CHECK_EVERY === 0 && builder.footprint().length > MAX_ROW_FEATURES) {
      throw badLine(lineNumber, `brings the rows to more than ${MAX_ROW_FEATURES} distinct features`);
    }
  }
  if (builder.rows === 0) throw new AppError("INVALID_REQUEST", "The body holds no rows: send NDJSON, one JSON object per line.", [{ path: "(body)", message: "no rows" }]);
  const profile = builder.finish();
  if (profile.features.length > MAX_ROW_FEATURES) throw new AppError("INVALID_REQUEST", `The rows name more than ${MAX_ROW_FEATURES} distinct features.`, [{ path: "(body)", message: `${profile.features.length} features` }]);
  const result = await ingestProfile(ctx, { model, target: data.target, profile, source: "rows" });
  return { ...result, rows: builder.rows };
}
