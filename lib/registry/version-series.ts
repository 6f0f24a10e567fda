// The "metric by version" series: each version's score beside what production scored when that version
// was trained, downsampled for the chart while production changes survive. Built for ten thousand
// versions per request: columns in, one object per point, no copies until the few hundred kept.
import { lttb } from "../charts/downsample";
import { productionAt, type ProductionPeriod } from "./production-periods";

/** Scores of one metric, one entry per version, sorted by version (trainedAt in ms). */
export type VersionScores = { versions: readonly number[]; trainedAt: readonly number[]; values: readonly number[] };

export type VersionSeriesPoint = {
  version: number;
  value: number;
  /** The version in production when this one was trained, and its score of the same metric. */
  productionVersion: number | null;
  production: number | null;
  /** This version went to production at some point. */
  deployed: boolean;
};

/** A point of the full series, with the x and y that downsampling works on. */
export type ChartedVersion = VersionSeriesPoint & { x: number; y: number };

/** Builds the full series from the scores and the production periods. */
export function buildVersionSeries(scores: VersionScores, periods: readonly ProductionPeriod[]): ChartedVersion[] {
  const valueOf = new Map<number, number>();
  for (let i = 0; i < scores.versions.length; i++) valueOf.set(scores.versions[i]!, scores.values[i]!);
  const deployed = new Set(periods.map((p) => p.version));
  const out: ChartedVersion[] = new Array(scores.versions.length);
  for (let i = 0; i < scores.versions.length; i++) {
    const version = scores.versions[i]!;
    const value = scores.values[i]!;
    const productionVersion = productionAt(periods, scores.trainedAt[i]!);
    const production = productionVersion === null ? null : (valueOf.get(productionVersion) ?? null);
    out[i] = { version, value, productionVersion, production, deployed: deployed.has(version), x: version, y: value };
  }
  return out;
}

/**
 * At most `maxPoints` points (LTTB), keeping the extremes, the `pinned` versions, and the points where
 * production changed and the versions that went to production, so the production step line stays exact.
 * When those alone would take more than half the budget (thousands of deployments on a chart a few
 * hundred pixels wide) the production line is itself downsampled to half the budget, keeping the steps
 * that shape it most, and `changesKept` is false.
 */
export function downsampleVersionSeries(points: readonly ChartedVersion[], maxPoints: number, pinned: readonly (number | null)[] = []): { points: VersionSeriesPoint[]; changesKept: boolean } {
  const strip = (p: ChartedVersion): VersionSeriesPoint => ({ version: p.version, value: p.value, productionVersion: p.productionVersion, production: p.production, deployed: p.deployed });
  if (points.length <= maxPoints) return { points: points.map(strip), changesKept: true };
  const pin = new Set(pinned.filter((v): v is number => v !== null));
  const changes: number[] = [];
  let marked = new Set<number>();
  for (let i = 0; i < points.length; i++) {
    if (i > 0 && points[i - 1]!.productionVersion !== points[i]!.productionVersion) {
      changes.push(i);
      marked.add(i);
    }
    if (points[i]!.deployed) marked.add(i);
  }
  const share = Math.floor(maxPoints / 2);
  const changesKept = marked.size <= share;
  if (!changesKept) {
    const steps = changes.map((i) => ({ x: points[i]!.version, y: points[i]!.production ?? points[i]!.value, i }));
    marked = new Set(lttb(steps, share).map((s) => s.i));
  }
  const kept = lttb(points, maxPoints, { keep: (p, i) => marked.has(i) || pin.has(p.version) });
  return { points: kept.map(strip), changesKept };
}
