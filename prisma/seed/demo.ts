import { DEMO_ACCOUNTS } from "../../lib/demo-accounts";
import { appendAudit } from "../../lib/server/audit";
import { systemCtx } from "../../lib/server/context";
import type { Db, Tx } from "../../lib/server/db";
import { computeModelReports } from "../../lib/server/validation/compute-reports";
import { seedCatalog } from "./catalog";
import { seedOnlineMetrics } from "./online";
import { seedListenerPanel, seedSamplePanel } from "./panel";
import { seedPendingPromotion, seedReviews } from "./promotion";
import { addHours, DEFAULT_SEED, utcDay } from "./random";
import { SHELVES, seedModel } from "./shelves";
import { demoAccount, seedDemoUsers } from "./users";
import { PLANTED_SKEW, seedValidationSeries } from "./validation";
import { seedVersions } from "./versions";

/** The audit action written last in the seed's transaction: its presence means a complete demo. */
export const DEMO_MARKER_ACTION = "demo.seeded";

// The one deployment rolled back during the demo year, to show what a rollback looks like.
const ROLLBACK = { slug: "shortcuts", version: 33 };
// Serialises concurrent seeders (a first `npm start` racing `shelfwatch seed --demo`).
const SEED_LOCK = 0x5357_5345; // "SWSE"

async function isSeeded(db: Tx): Promise<boolean> {
  return (await db.auditEvent.count({ where: { action: DEMO_MARKER_ACTION } })) > 0;
}

/**
 * Everything the demo shows, anchored on `day` (midnight UTC of `now`): shelves and models, a year of
 * weekly versions and deployments, the catalogue and listener panel with samples, the statistics with
 * their two planted faults, demo users, reviews and a pending promotion.
 */
async function seedAll(tx: Tx, day: Date, log: (m: string) => void): Promise<Record<string, number>> {
  const seed = DEFAULT_SEED;
  const started = Date.now();
  const step = (m: string) => log(`  ${m} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const models = [];
  for (const spec of SHELVES) models.push({ spec, ...(await seedModel(tx, { slug: spec.slug, now: addHours(day, -24 * 400) })) });
  const { byEmail } = await seedDemoUsers(tx, { now: addHours(day, -24 * 380) });
  step("shelves, models, gate policies, users");
  const { items } = await seedCatalog(tx, { seed, now: addHours(day, -24 * 2) });
  const { listeners } = await seedListenerPanel(tx, { seed, items, now: addHours(day, -24) });
  step(`catalogue (${items.length} items), panel (${listeners.length} listeners)`);

  let podcast: { modelId: number; candidateId: number; productionId: number } | null = null;
  for (const [i, m] of models.entries()) {
    const { candidate } = await seedVersions(tx, { modelId: m.modelId, now: day, seed, hourOffset: 2 + i });
    // Shelf-limited leads promote their own shelf; the general lead the others.
    const lead = DEMO_ACCOUNTS.find((a) => a.leadShelves.includes(m.spec.slug))?.email ?? demoAccount("lead").email;
    const online = await seedOnlineMetrics(tx, { modelId: m.modelId, now: day, seed, rollbackVersion: m.spec.slug === ROLLBACK.slug ? ROLLBACK.version : null, actor: lead });
    await seedSamplePanel(tx, { productionVersionId: online.productionVersionId, candidateVersionId: candidate.id, listeners, items, seed, sampledAt: addHours(candidate.trainedAt, 4) });
    step(`${m.modelName}: versions, deployments, online metrics, samples`);
    await seedValidationSeries(tx, { modelId: m.modelId, now: day, seed });
    step(`${m.modelName}: training and serving statistics`);
    const reports = await computeModelReports(tx, { modelId: m.modelId, now: day });
    step(`${m.modelName}: ${reports.computed} skew, drift and training drift reports`);
    if (m.spec.slug === PLANTED_SKEW.shelfSlug) podcast = { modelId: m.modelId, candidateId: candidate.id, productionId: online.productionVersionId };
  }
  if (!podcast) throw new Error(`The demo needs the ${PLANTED_SKEW.shelfSlug} shelf.`);

  // Reviews in the morning after the candidate was sampled, then the engineer's request.
  const reviewer = byEmail[demoAccount("reviewer").email];
  const engineer = demoAccount("engineer").email;
  await seedReviews(tx, { versionId: podcast.candidateId, baselineVersionId: podcast.productionId, reviewerId: reviewer, count: 8, now: addHours(day, -11), seed });
  await seedPendingPromotion(tx, { modelId: podcast.modelId, candidateVersionId: podcast.candidateId, requestedBy: engineer, requestedByUserId: byEmail[engineer], now: addHours(day, -10) });
  step("reviews and the pending promotion");
  return { shelves: models.length, items: items.length, listeners: listeners.length, users: Object.keys(byEmail).length };
}

/** Seeds the whole demo in one transaction; returns created: false when it is already there. */
export async function seedDemo(db: Db, options: { now?: Date; log?: (m: string) => void } = {}): Promise<{ created: boolean }> {
  const log = options.log ?? (() => {});
  if (await isSeeded(db)) return { created: false };
  const day = utcDay(options.now ?? new Date());
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if (await isSeeded(tx)) return { created: false };
      // A database with shelves but no marker holds someone's real data: never mix the demo into it.
      if ((await tx.shelf.count()) > 0) {
        log("The database already holds shelves; not seeding the demo.");
        return { created: false };
      }
      log("Seeding the demo…");
      const summary = await seedAll(tx, day, log);
      // Written last, in the same transaction: the marker exists only if everything above committed.
      await appendAudit(tx, systemCtx("seed"), { action: DEMO_MARKER_ACTION, subjectType: "demo", subjectId: "demo", after: { anchorDay: day.toISOString().slice(0, 10), ...summary } });
      return { created: true };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
