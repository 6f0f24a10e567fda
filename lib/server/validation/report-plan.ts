import "server-only";

// Which reports a model's profiles call for, worked out from the profiles and the deployment log alone
// (pure: no database). One report per kind and target profile:
//   skew            a serving day against the training profile of the version in production that day
//   drift           a serving day against the nearest earlier serving day (at most a week back)
//   training drift  version N's training profile against the nearest earlier version's
// Ingestion computes the specs that touch the profile that arrived; the daily pass and the seed compute
// every spec that has no report yet, or whose report compares against another baseline.

export type ReportKind = "skew" | "drift" | "training_drift";

export type StatsRef = { id: number; kind: "training" | "serving" | "evaluation"; day: Date | null; versionId: number | null; version: number | null };
export type DeploymentRef = { at: Date; toVersionId: number };
export type ReportSpec = { kind: ReportKind; baselineId: number; targetId: number; day: Date | null; versionId: number | null };

const DAY_MS = 86_400_000;
/** A day with no serving profile in the week before it gets no drift report (nothing close to compare with). */
export const DRIFT_LOOKBACK_DAYS = 7;

/**
 * The version in production for most of a UTC day (the one that served most of its traffic), from the
 * deployment log; on a tie the later one. Null when nothing was live that day yet.
 */
export function productionVersionForDay(deployments: readonly DeploymentRef[], day: Date): number | null {
  const start = day.getTime();
  const end = start + DAY_MS;
  const sorted = [...deployments].sort((a, b) => a.at.getTime() - b.at.getTime());
  const served = new Map<number, number>();
  let best: number | null = null;
  let bestMs = -1;
  for (let i = 0; i < sorted.length; i++) {
    const from = Math.max(sorted[i].at.getTime(), start);
    const to = Math.min(i + 1 < sorted.length ? sorted[i + 1].at.getTime() : Infinity, end);
    if (to <= from) continue;
    const id = sorted[i].toVersionId;
    const total = (served.get(id) ?? 0) + (to - from);
    served.set(id, total);
    // Periods come in time order, so ">=" hands a tie to the later version.
    if (total >= bestMs) {
      best = id;
      bestMs = total;
    }
  }
  return best;
}

/** Every report the profiles call for, in a stable order (training drift by version, then days). */
export function planReports(stats: readonly StatsRef[], deployments: readonly DeploymentRef[]): ReportSpec[] {
  const specs: ReportSpec[] = [];
  const training = stats.filter((s) => s.kind === "training" && s.versionId !== null && s.version !== null).sort((a, b) => a.version! - b.version!);
  const trainingByVersion = new Map(training.map((s) => [s.versionId!, s]));
  for (let i = 1; i < training.length; i++) {
    specs.push({ kind: "training_drift", baselineId: training[i - 1].id, targetId: training[i].id, day: null, versionId: training[i].versionId });
  }

  const serving = stats.filter((s) => s.kind === "serving" && s.day !== null).sort((a, b) => a.day!.getTime() - b.day!.getTime());
  for (let i = 0; i < serving.length; i++) {
    const target = serving[i];
    const production = productionVersionForDay(deployments, target.day!);
    const baseline = production === null ? undefined : trainingByVersion.get(production);
    if (baseline) specs.push({ kind: "skew", baselineId: baseline.id, targetId: target.id, day: target.day, versionId: production });
    const previous = serving[i - 1];
    if (previous && target.day!.getTime() - previous.day!.getTime() <= DRIFT_LOOKBACK_DAYS * DAY_MS) {
      specs.push({ kind: "drift", baselineId: previous.id, targetId: target.id, day: target.day, versionId: null });
    }
  }
  return specs;
}

/** The specs in which a profile takes part, as baseline or target. */
export function specsTouching(specs: readonly ReportSpec[], statisticsId: number): ReportSpec[] {
  return specs.filter((s) => s.baselineId === statisticsId || s.targetId === statisticsId);
}

/** The specs with no report yet, or whose report (one per kind and target) compares against another baseline. */
export function specsMissing(specs: readonly ReportSpec[], existing: readonly { kind: ReportKind; baselineId: number; targetId: number }[]): ReportSpec[] {
  const have = new Set(existing.map((r) => `${r.kind}:${r.baselineId}:${r.targetId}`));
  return specs.filter((s) => !have.has(`${s.kind}:${s.baselineId}:${s.targetId}`));
}
