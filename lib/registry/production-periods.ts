// What was in production when: the deployment log turned into periods, and look-ups into them.

export type DeploymentEvent = { at: number; toVersion: number; fromVersion: number | null; reason: string };
export type ProductionPeriod = { version: number; from: number; to: number | null };

/** Consecutive production periods from deployments (any order); the last one is open (`to` null). */
export function productionPeriods(deployments: readonly DeploymentEvent[]): ProductionPeriod[] {
  const sorted = [...deployments].sort((a, b) => a.at - b.at);
  const periods: ProductionPeriod[] = [];
  for (const d of sorted) {
    const previous = periods[periods.length - 1];
    if (previous) {
      previous.to = d.at;
      // A redeployment of the version already live extends its period rather than starting a new one.
      if (previous.version === d.toVersion) {
        previous.to = null;
        continue;
      }
    }
    periods.push({ version: d.toVersion, from: d.at, to: null });
  }
  return periods;
}

/** The version in production at time `t` (ms), or null before the first deployment. */
export function productionAt(periods: readonly ProductionPeriod[], t: number): number | null {
  let lo = 0;
  let hi = periods.length - 1;
  let found: ProductionPeriod | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid]!.from <= t) {
      found = periods[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ? found.version : null;
}
