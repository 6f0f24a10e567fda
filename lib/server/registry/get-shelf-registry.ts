import "server-only";
import { compareScore, meetsThreshold, type Direction, type ScoreVerdict } from "../../registry/compare";
import { shelfRegistrySchema } from "../../schemas/registry";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { revisionCache, type ModelRevision } from "../models/revision-cache";
import { getShelf, shelfModel } from "../shelves/get-shelf";
import { deploymentEvents, distinctMetrics, modelState } from "./registry-reads";

export type MetricChoiceDto = { name: string; direction: Direction | null; declared: boolean };

export type ShelfRegistryDto = {
  shelf: { id: number; slug: string; title: string; description: string; team: string };
  model: { name: string; description: string } | null;
  policy: { primaryMetric: string; direction: Direction; threshold: number | null; maxRegression: number | null } | null;
  versionCount: number;
  production: { version: number; since: string | null; score: number | null } | null;
  candidate: { version: number; trainedAt: string; score: number | null; delta: number | null; verdict: ScoreVerdict | null; meetsThreshold: boolean | null; pendingPromotion: boolean } | null;
  /** Offline metrics: declared ones first (primary leading), then any others scores were posted for. */
  metrics: MetricChoiceDto[];
  onlineMetrics: string[];
};

/**
 * What the shelf page's header answers: which version is in production and since when, which one is
 * waiting and whether it is better, and which metrics there are to chart.
 */
export async function getShelfRegistry({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<ShelfRegistryDto> {
  requireRole(ctx, "read");
  const { slug } = parseInput(shelfRegistrySchema, input);
  const shelf = await getShelf({ ctx, input: { slug } });
  requireRole(ctx, "read", { shelfId: shelf.id });
  const info = { id: shelf.id, slug: shelf.slug, title: shelf.title, description: shelf.description, team: shelf.team };
  const model = shelfModel(shelf);
  if (!model) return { shelf: info, model: null, policy: null, versionCount: 0, production: null, candidate: null, metrics: [], onlineMetrics: [] };
  return { shelf: info, model: { name: model.name, description: shelf.modelDescription ?? "" }, ...(await summaries(model, [], () => summarize(model))) };
}

type ModelSummary = Omit<ShelfRegistryDto, "shelf" | "model">;
const summaries = revisionCache<ModelSummary>(100);

async function summarize(model: ModelRevision): Promise<ModelSummary> {
  const [state, deployments, observed] = await Promise.all([modelState(model), deploymentEvents(model), distinctMetrics(model)]);
  const { policy, production: prod } = state;
  // The candidate is the version a pending promotion asks for, else the newest when newer than production.
  const candidate = state.pending ?? (state.newest && (!prod || state.newest.version > prod.version) ? state.newest : null);
  const scores = policy
    ? await db().evaluation.findMany({
        where: { modelId: model.id, metric: policy.primaryMetric, dataset: "", versionId: { in: [prod?.id, candidate?.id].filter((x): x is number => x !== undefined) } },
        select: { versionId: true, value: true },
      })
    : [];
  const scoreOf = (id: number | undefined) => scores.find((s) => s.versionId === id)?.value ?? null;
  const prodScore = scoreOf(prod?.id);
  const candidateScore = scoreOf(candidate?.id);
  const comparison = compareScore(candidateScore, prodScore, policy?.direction ?? null);
  const since = prod ? deployments.findLast((d) => d.toVersion === prod.version) : undefined;

  const declared = state.metrics.map((m) => ({ name: m.name, direction: m.direction, declared: true }));
  const primary = policy?.primaryMetric;
  declared.sort((a, b) => Number(b.name === primary) - Number(a.name === primary));
  if (primary && !declared.some((m) => m.name === primary)) declared.unshift({ name: primary, direction: policy.direction, declared: true });
  const extra = observed.offline.filter((name) => !declared.some((m) => m.name === name)).map((name) => ({ name, direction: null, declared: false }));

  return {
    policy,
    versionCount: state.versionCount,
    production: prod ? { version: prod.version, since: since ? new Date(since.at).toISOString() : null, score: prodScore } : null,
    candidate: candidate
      ? {
          version: candidate.version,
          trainedAt: candidate.trainedAt.toISOString(),
          score: candidateScore,
          delta: comparison.delta,
          verdict: comparison.verdict,
          meetsThreshold: policy ? meetsThreshold(candidateScore, policy.threshold, policy.direction) : null,
          pendingPromotion: state.pending !== null && state.pending.id === candidate.id,
        }
      : null,
    metrics: [...declared, ...extra],
    onlineMetrics: observed.online,
  };
}
