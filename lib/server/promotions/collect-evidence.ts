import "server-only";
import type { Direction, GateEvidence, GatePolicy } from "../../gate/evaluate";
import { overlapAtK, rankBiasedOverlap } from "../../review/compare";
import type { Client } from "./model-state";

export type ScoreRow = { metric: string; direction: Direction; candidate: number | null; production: number | null; delta: number | null; better: boolean | null; primary: boolean };
export type DayStatus = { day: string; skew: { anomalies: number; topFeature: string | null } | null; drift: { anomalies: number; topFeature: string | null } | null };
export type ReviewNote = { verdict: "better" | "same" | "worse"; reviewer: string; comment: string; at: string };
export type SampleChange = { listener: string; isNew: boolean; overlap: number; rbo: number; added: string[]; dropped: string[] };

/** What a lead reads beside the checks: every score, recent validation days, verdicts, the largest list changes. */
export type EvidenceDetails = {
  scores: ScoreRow[];
  days: DayStatus[];
  reviews: { total: number; better: number; same: number; worse: number; recent: ReviewNote[] };
  samples: { listeners: number; meanOverlap: number | null; largest: SampleChange[] };
};

type Subject = { modelId: number; candidate: { id: number; version: number }; production: { id: number; version: number } | null };

const DAY_MS = 86_400_000;
const TOP_K = 10;

/** The UTC midnight `n` days before `now`'s day. */
function dayStart(now: Date, daysBack: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysBack));
}

async function scoresOf(client: Client, versionId: number): Promise<Record<string, number>> {
  const rows = await client.evaluation.findMany({ where: { versionId, dataset: "" }, select: { metric: true, value: true } });
  return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
}

/** The gate's evidence for one candidate, read from scores, skew reports and reviews; missing sources are null. */
export async function collectGateEvidence(client: Client, subject: Subject, policy: GatePolicy, now: Date): Promise<GateEvidence> {
  // One query after another: inside a transaction they share one connection anyway.
  const candidateScores = await scoresOf(client, subject.candidate.id);
  const productionScores = subject.production ? await scoresOf(client, subject.production.id) : null;
  const skew = policy.skewFreeDays ? await skewEvidence(client, subject.modelId, policy.skewFreeDays, now) : null;
  const verdicts = await client.review.groupBy({ by: ["verdict"], where: { versionId: subject.candidate.id }, _count: { _all: true } });
  const tally = { better: 0, same: 0, worse: 0 };
  for (const v of verdicts) tally[v.verdict] = v._count._all;
  const total = tally.better + tally.same + tally.worse;
  return {
    candidate: { version: subject.candidate.version, scores: candidateScores },
    production: subject.production && productionScores ? { version: subject.production.version, scores: productionScores } : null,
    skew,
    reviews: total > 0 ? { total, ...tally } : null,
    now,
  };
}

async function skewEvidence(client: Client, modelId: number, days: number, now: Date): Promise<GateEvidence["skew"]> {
  const reports = await client.validationReport.findMany({
    where: { modelId, kind: "skew", day: { gte: dayStart(now, days - 1) } },
    select: { id: true, day: true, anomalyCount: true, topFeature: true },
  });
  if (reports.length === 0) return null;
  const today = dayStart(now, 0).getTime();
  const checked = new Set(reports.filter((r) => r.day && r.day.getTime() <= today).map((r) => r.day!.toISOString().slice(0, 10)));
  const anomalous = reports.filter((r) => r.anomalyCount > 0 && r.day);
  const features = anomalous.length
    ? await client.validationFeatureResult.findMany({ where: { reportId: { in: anomalous.map((r) => r.id) }, anomaly: true }, select: { reportId: true, feature: true }, orderBy: { severity: "desc" } })
    : [];
  const byDay = new Map<string, Set<string>>();
  for (const r of anomalous) {
    const day = r.day!.toISOString().slice(0, 10);
    const set = byDay.get(day) ?? new Set<string>();
    const named = features.filter((f) => f.reportId === r.id).map((f) => f.feature);
    for (const f of named.length ? named : r.topFeature ? [r.topFeature] : []) set.add(f);
    byDay.set(day, set);
  }
  return { daysChecked: checked.size, anomalousDays: [...byDay].map(([day, set]) => ({ day, features: [...set] })) };
}

/** Everything else on the lead's page: all scores with direction, the last days of validation, verdicts, sample diffs. */
export async function collectEvidenceDetails(client: Client, subject: Subject, policy: GatePolicy, evidence: GateEvidence, now: Date): Promise<EvidenceDetails> {
  const windowDays = Math.min(14, Math.max(7, policy.skewFreeDays ?? 7));
  const [definitions, reports, recent, samples] = await Promise.all([
    client.metricDefinition.findMany({ where: { modelId: subject.modelId }, select: { name: true, direction: true } }),
    client.validationReport.findMany({
      where: { modelId: subject.modelId, kind: { in: ["skew", "drift"] }, day: { gte: dayStart(now, windowDays - 1), lt: new Date(dayStart(now, 0).getTime() + DAY_MS) } },
      select: { kind: true, day: true, anomalyCount: true, topFeature: true },
      orderBy: { id: "asc" },
    }),
    client.review.findMany({
      where: { versionId: subject.candidate.id },
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { verdict: true, comment: true, updatedAt: true, reviewer: { select: { name: true } } },
    }),
    subject.production ? sampleChanges(client, subject.candidate.id, subject.production.id) : Promise.resolve({ listeners: 0, meanOverlap: null, largest: [] }),
  ]);

  const direction = new Map<string, Direction>(definitions.map((d) => [d.name, d.direction]));
  direction.set(policy.primaryMetric, policy.direction);
  const metrics = [...new Set([policy.primaryMetric, ...Object.keys(evidence.candidate.scores), ...Object.keys(evidence.production?.scores ?? {})])];
  const scores = metrics.map((metric): ScoreRow => {
    const candidate = evidence.candidate.scores[metric] ?? null;
    const production = evidence.production?.scores[metric] ?? null;
    const dir = direction.get(metric) ?? "higher_is_better";
    const delta = candidate !== null && production !== null ? candidate - production : null;
    const better = delta === null || delta === 0 ? null : dir === "higher_is_better" ? delta > 0 : delta < 0;
    return { metric, direction: dir, candidate, production, delta, better, primary: metric === policy.primaryMetric };
  });

  const days: DayStatus[] = [];
  for (let i = windowDays - 1; i >= 0; i--) {
    const day = dayStart(now, i).toISOString().slice(0, 10);
    const of = (kind: "skew" | "drift") => {
      const r = reports.filter((x) => x.kind === kind && x.day?.toISOString().slice(0, 10) === day).at(-1);
      return r ? { anomalies: r.anomalyCount, topFeature: r.topFeature } : null;
    };
    days.push({ day, skew: of("skew"), drift: of("drift") });
  }
  const tally = evidence.reviews ?? { total: 0, better: 0, same: 0, worse: 0 };
  return {
    scores,
    days,
    reviews: { ...tally, recent: recent.map((r) => ({ verdict: r.verdict, reviewer: r.reviewer.name, comment: r.comment, at: r.updatedAt.toISOString() })) },
    samples,
  };
}

/** Per listener of the panel, how far the candidate's list is from production's; the five that moved most. */
async function sampleChanges(client: Client, candidateId: number, productionId: number): Promise<EvidenceDetails["samples"]> {
  const rows = await client.recommendationSample.findMany({
    where: { versionId: { in: [candidateId, productionId] } },
    select: { versionId: true, listenerId: true, itemIds: true, listener: { select: { externalId: true, isNew: true } } },
  });
  const production = new Map(rows.filter((r) => r.versionId === productionId).map((r) => [r.listenerId, r]));
  const pairs = rows
    .filter((r) => r.versionId === candidateId && production.has(r.listenerId))
    .map((c) => {
      const p = production.get(c.listenerId)!;
      const a = c.itemIds.map(String);
      const b = p.itemIds.map(String);
      return { c, p, overlap: overlapAtK(a, b, TOP_K), rbo: rankBiasedOverlap(a, b) };
    });
  if (pairs.length === 0) return { listeners: 0, meanOverlap: null, largest: [] };
  // Lowest rank-biased overlap first (it weighs the top ranks most), as the review pages rank them.
  const largest = [...pairs].sort((x, y) => x.rbo - y.rbo || x.c.listener.externalId.localeCompare(y.c.listener.externalId)).slice(0, 5);
  const top = (ids: number[]) => ids.slice(0, TOP_K);
  const changes = largest.map((x) => {
    const inProd = new Set(top(x.p.itemIds));
    const inCand = new Set(top(x.c.itemIds));
    return { x, added: top(x.c.itemIds).filter((i) => !inProd.has(i)).slice(0, 3), dropped: top(x.p.itemIds).filter((i) => !inCand.has(i)).slice(0, 3) };
  });
  const itemIds = [...new Set(changes.flatMap((ch) => [...ch.added, ...ch.dropped]))];
  const items = itemIds.length ? await client.item.findMany({ where: { id: { in: itemIds } }, select: { id: true, title: true } }) : [];
  const title = new Map(items.map((i) => [i.id, i.title]));
  return {
    listeners: pairs.length,
    meanOverlap: pairs.reduce((s, x) => s + x.overlap, 0) / pairs.length,
    largest: changes.map(({ x, added, dropped }) => ({
      listener: x.c.listener.externalId,
      isNew: x.c.listener.isNew,
      overlap: x.overlap,
      rbo: x.rbo,
      added: added.map((i) => title.get(i) ?? `item ${i}`),
      dropped: dropped.map((i) => title.get(i) ?? `item ${i}`),
    })),
  };
}

/** The evidence as stored with a request (JSON: the instant as an ISO string). */
export function evidenceSnapshot(evidence: GateEvidence): Record<string, unknown> {
  return { ...evidence, now: evidence.now.toISOString() };
}
