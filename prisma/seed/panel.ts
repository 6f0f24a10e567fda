import type { ItemType } from "../../lib/generated/prisma/client";
import { inChunks, type SeedDb } from "./batch";
import type { CatalogItem } from "./catalog";
import { ALL_GENRES, MUSIC_GENRES, PODCAST_GENRES } from "./catalog-words";
import { DEFAULT_SEED, rngFor, type Rng } from "./random";

export type PanelListener = { id: number; externalId: string; isNew: boolean; country: string; topGenres: string[]; recentListens: string[] };

const COUNTRIES = ["US", "GB", "DE", "SE", "BR", "MX", "IN", "JP", "FR", "NL", "ES", "AU", "CA", "NG", "ID", "PL"];
const COUNTRY_WEIGHTS = [22, 9, 8, 5, 9, 6, 8, 5, 5, 3, 4, 3, 4, 3, 3, 3];

async function loadItems(db: SeedDb): Promise<CatalogItem[]> {
  return db.item.findMany({ select: { id: true, uri: true, type: true, genres: true }, orderBy: { id: "asc" } });
}

/** Top genres: returning listeners mix podcast and music tastes; new ones have told us little. */
function topGenresOf(rng: Rng, isNew: boolean): string[] {
  if (isNew) return rng.sample(ALL_GENRES, rng.int(0, 2));
  return [...rng.sample(PODCAST_GENRES, rng.int(1, 2)), ...rng.sample(MUSIC_GENRES, rng.int(1, 2))];
}

/** Creates the review panel (default 200 listeners, ~20% new) with countries, tastes and recent listens. */
export async function seedListenerPanel(db: SeedDb, options: { count?: number; seed?: number; now?: Date; items?: CatalogItem[] } = {}): Promise<{ listeners: PanelListener[] }> {
  const rng = rngFor(options.seed ?? DEFAULT_SEED, "listeners");
  const items = options.items ?? (await loadItems(db));
  const rows: Omit<PanelListener, "id">[] = [];
  for (let i = 1; i <= (options.count ?? 200); i++) {
    const isNew = rng.chance(0.2);
    const topGenres = topGenresOf(rng, isNew);
    const liked = items.filter((it) => it.type !== "artist" && it.genres.some((g) => topGenres.includes(g)));
    const pool = liked.length >= 12 ? liked : items;
    const recentListens = rng.sample(pool, isNew ? rng.int(0, 3) : rng.int(6, 12)).map((it) => it.uri);
    rows.push({ externalId: `listener-${String(i).padStart(4, "0")}`, isNew, country: rng.weighted(COUNTRIES, COUNTRY_WEIGHTS), topGenres, recentListens });
  }
  const updatedAt = options.now ?? new Date();
  await inChunks(rows, (chunk) => db.listener.createMany({ data: chunk.map((r) => ({ ...r, updatedAt })) }));
  const created = await db.listener.findMany({ where: { externalId: { in: rows.map((r) => r.externalId) } }, orderBy: { id: "asc" } });
  return { listeners: created.map(({ id, externalId, isNew, country, topGenres, recentListens }) => ({ id, externalId, isNew, country, topGenres, recentListens })) };
}

type Pick = { item: CatalogItem; reason: string };

// What each shelf recommends: podcasts in the listener's tastes, things to resume, or the unfamiliar.
const SHELF_TYPES: Record<string, ItemType[]> = {
  "shows-you-might-like": ["podcast", "podcast", "episode"],
  shortcuts: ["album", "playlist", "podcast", "artist"],
  "try-something-else": ["podcast", "album", "playlist", "artist", "episode"],
};

/** Ranks a pool of candidates for one listener on one shelf, with the reason each would be shown. */
function rankPool(rng: Rng, slug: string, listener: PanelListener, items: CatalogItem[], byUri: Map<string, CatalogItem>): Pick[] {
  const types = SHELF_TYPES[slug] ?? ["podcast", "episode", "playlist", "album", "artist"];
  const liked = (it: CatalogItem) => it.genres.some((g) => listener.topGenres.includes(g));
  const explore = slug === "try-something-else";
  const fits = items.filter((it) => types.includes(it.type) && (listener.topGenres.length === 0 || liked(it) !== explore));
  const picks: Pick[] = [];
  if (slug === "shortcuts") {
    for (const uri of listener.recentListens) {
      const item = byUri.get(uri);
      if (item) picks.push({ item, reason: "Recently played" });
    }
  }
  const fallback = items.filter((it) => types.includes(it.type));
  for (const item of rng.sample(fits.length >= 60 ? fits : fallback, 60)) {
    const genre = item.genres[0] ?? "music";
    const reason = explore ? `Outside your usual genres: ${genre}` : listener.isNew ? `Popular in ${listener.country}` : `Because you like ${genre}`;
    picks.push({ item, reason });
  }
  const seen = new Set<number>();
  return picks.filter((p) => !seen.has(p.item.id) && seen.add(p.item.id));
}

/** Descending scores with uneven gaps, as a ranker's output looks. */
function scores(rng: Rng, n: number): number[] {
  let s = 0.9 + rng.next() * 0.09;
  return Array.from({ length: n }, () => {
    const v = Math.round(s * 10_000) / 10_000;
    s -= 0.004 + rng.next() * 0.025;
    return Math.max(0.0001, v);
  });
}

/** The candidate's list: production's, with a few items dropped, a few added and some moved. */
function perturb(rng: Rng, production: Pick[], pool: Pick[]): Pick[] {
  const dropped = new Set(rng.sample(production, rng.int(3, 7)).map((p) => p.item.id));
  const list = production.filter((p) => !dropped.has(p.item.id));
  const fresh = pool.filter((p) => !production.some((q) => q.item.id === p.item.id));
  const added = rng.sample(fresh, dropped.size + rng.int(-1, 1));
  for (const add of added) list.splice(rng.int(0, list.length), 0, add);
  // Keep the list within the panel's 20–30 items even when more were dropped than added.
  for (const extra of fresh.filter((p) => !added.includes(p))) {
    if (list.length >= 20) break;
    list.push(extra);
  }
  for (let k = rng.int(2, 5); k > 0; k--) {
    const from = rng.int(0, list.length - 1);
    const [moved] = list.splice(from, 1);
    list.splice(Math.max(0, Math.min(list.length, from + rng.int(-4, 4))), 0, moved);
  }
  return list.slice(0, 30);
}

export type SeedSamplePanelOptions = {
  productionVersionId: number;
  candidateVersionId: number;
  listeners?: PanelListener[];
  items?: CatalogItem[];
  sampledAt?: Date;
  seed?: number;
};

/** Samples 20–30 ranked items per listener for production and the candidate, with overlapping lists. */
export async function seedSamplePanel(db: SeedDb, options: SeedSamplePanelOptions): Promise<{ sampleCount: number }> {
  const version = await db.modelVersion.findUniqueOrThrow({ where: { id: options.candidateVersionId }, select: { model: { select: { name: true, shelf: { select: { slug: true } } } } } });
  const items = options.items ?? (await loadItems(db));
  let listeners = options.listeners ?? (await db.listener.findMany({ orderBy: { id: "asc" } }));
  // A test may sample before creating a panel: make the default one then.
  if (listeners.length === 0) listeners = (await seedListenerPanel(db, { items, seed: options.seed })).listeners;
  const byUri = new Map(items.map((it) => [it.uri, it]));
  const rng = rngFor(options.seed ?? DEFAULT_SEED, `samples:${version.model.name}`);
  const sampledAt = options.sampledAt ?? new Date();
  const rows: { versionId: number; listenerId: number; sampledAt: Date; itemIds: number[]; scores: number[]; reasons: string[] }[] = [];
  for (const listener of listeners) {
    const pool = rankPool(rng, version.model.shelf.slug, listener, items, byUri);
    const production = pool.slice(0, rng.int(20, 30));
    const candidate = perturb(rng, production, pool.slice(production.length));
    for (const [versionId, list] of [[options.productionVersionId, production], [options.candidateVersionId, candidate]] as const) {
      rows.push({ versionId, listenerId: listener.id, sampledAt, itemIds: list.map((p) => p.item.id), scores: scores(rng, list.length), reasons: list.map((p) => p.reason) });
    }
  }
  await inChunks(rows, (chunk) => db.recommendationSample.createMany({ data: chunk }), 500);
  return { sampleCount: rows.length };
}
