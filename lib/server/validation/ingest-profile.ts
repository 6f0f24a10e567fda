import "server-only";
import type { DatasetProfile } from "../../drift/profile";
import { MAX_PROFILE_FEATURES, type DatasetTarget } from "../../schemas/validation";
import { appendAudit } from "../audit";
import type { Ctx } from "../context";
import { db } from "../db";
import { AppError } from "../errors";
import type { ModelRef } from "../models/find-model";
import { computeReports, lockModelReports, planModelReports } from "./compute-reports";
import { REPORT_SUMMARY_SELECT, toReportSummary, type ReportSummaryDto } from "./report-dto";
import { specsTouching } from "./report-plan";
import { resolveTarget, storeProfile } from "./store-profile";

// What both ways of posting a profile share (statistics JSON, NDJSON rows): store it as its dataset and
// compute, in the same transaction, every report it takes part in, so the answer carries the reports.

export type IngestedProfileDto = {
  model: string;
  dataset: { kind: DatasetTarget["kind"]; datasetKey: string; version: number | null; day: string | null; source: string; numExamples: number; featureCount: number };
  /** False when an identical profile was already stored (nothing changed, no audit row). */
  changed: boolean;
  created: boolean;
  merged: boolean;
  reports: ReportSummaryDto[];
};

const MAX_INT = 2_147_483_647;

function checkSize(profile: DatasetProfile): void {
  if (profile.features.length > MAX_PROFILE_FEATURES) throw new AppError("INVALID_REQUEST", `A profile may hold at most ${MAX_PROFILE_FEATURES} features.`, [{ path: "features", message: `${profile.features.length} features` }]);
  if (profile.numExamples > MAX_INT) throw new AppError("INVALID_REQUEST", "More examples than one profile can count (2^31 - 1): post shards.", [{ path: "numExamples", message: "too large" }]);
}

/** Stores a profile for its dataset and computes the reports it takes part in, all in one transaction. */
export async function ingestProfile(ctx: Ctx, input: { model: ModelRef; target: DatasetTarget; profile: DatasetProfile; source: string }): Promise<IngestedProfileDto> {
  checkSize(input.profile);
  const { model } = input;
  return db().$transaction(
    async (tx) => {
      // Profiles of one model arrive one at a time, so each sees the days and versions committed before it.
      await lockModelReports(tx, model.id);
      const target = await resolveTarget(tx, model, input.target);
      const stored = await storeProfile(tx, { model, target, profile: input.profile, source: input.source, mode: input.target.mode, now: ctx.now });
      let reportIds: number[];
      if (stored.changed) {
        const specs = specsTouching(await planModelReports(tx, model.id), stored.statisticsId);
        reportIds = await computeReports(tx, { modelId: model.id, specs, now: ctx.now });
        await appendAudit(tx, ctx, {
          action: "statistics.ingested",
          subjectType: "feature_statistics",
          subjectId: stored.statisticsId,
          shelfId: model.shelfId,
          after: { model: model.name, datasetKey: target.datasetKey, source: input.source, mode: input.target.mode, created: stored.created, merged: stored.merged, numExamples: stored.profile.numExamples, features: stored.profile.features.length, reports: reportIds.length },
        });
      } else {
        reportIds = (await tx.validationReport.findMany({ where: { OR: [{ baselineId: stored.statisticsId }, { targetId: stored.statisticsId }] }, select: { id: true } })).map((r) => r.id);
      }
      const reports = await tx.validationReport.findMany({ where: { id: { in: reportIds } }, orderBy: [{ kind: "asc" }, { day: "asc" }, { id: "asc" }], select: REPORT_SUMMARY_SELECT });
      return {
        model: model.name,
        dataset: {
          kind: target.kind,
          datasetKey: target.datasetKey,
          version: target.version,
          day: target.day ? target.day.toISOString().slice(0, 10) : null,
          source: input.source,
          numExamples: stored.profile.numExamples,
          featureCount: stored.profile.features.length,
        },
        changed: stored.changed,
        created: stored.created,
        merged: stored.merged,
        reports: reports.map(toReportSummary),
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
