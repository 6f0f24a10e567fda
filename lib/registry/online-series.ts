// The online metric over time: one value per day (production's when several versions served), with
// deployment days kept through downsampling so the markers sit on real points.
import { lttb } from "../charts/downsample";
import { productionAt, type ProductionPeriod } from "./production-periods";

const DAY = 86_400_000;

export type OnlineRow = { day: number; version: number; value: number };
export type OnlinePoint = { day: number; version: number; value: number };

/** Midnight UTC of a moment, in ms. */
export function dayOf(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

/**
 * One point per day, sorted by day. When several versions report the same day (a canary, the day of a
 * switch) the point is the version in production at the end of that day, else the newest version.
 */
export function buildOnlineSeries(rows: readonly OnlineRow[], periods: readonly ProductionPeriod[]): OnlinePoint[] {
  const byDay = new Map<number, OnlineRow[]>();
  for (const r of rows) {
    const list = byDay.get(r.day);
    if (list) list.push(r);
    else byDay.set(r.day, [r]);
  }
  const points: OnlinePoint[] = [];
  for (const [day, list] of byDay) {
    let chosen = list[0]!;
    if (list.length > 1) {
      const live = productionAt(periods, day + DAY - 1);
      chosen = list.find((r) => r.version === live) ?? list.reduce((a, b) => (b.version > a.version ? b : a));
    }
    points.push({ day, version: chosen.version, value: chosen.value });
  }
  return points.sort((a, b) => a.day - b.day);
}

/** At most `maxPoints` points, keeping the days of deployments and every change of serving version. */
export function downsampleOnlineSeries(points: readonly OnlinePoint[], maxPoints: number, deploymentTimes: readonly number[]): readonly OnlinePoint[] {
  if (points.length <= maxPoints) return points;
  const deploymentDays = new Set(deploymentTimes.map(dayOf));
  const withXY = points.map((p) => ({ day: p.day, version: p.version, value: p.value, x: p.day, y: p.value }));
  const kept = lttb(withXY, maxPoints, {
    keep: (p, i) => deploymentDays.has(p.day) || (i > 0 && withXY[i - 1]!.version !== p.version),
  });
  return kept.map((p) => ({ day: p.day, version: p.version, value: p.value }));
}
