import type { ItemType, Prisma } from "../../lib/generated/prisma/client";
import { inChunks, type SeedDb } from "./batch";
import {
  ACTIVITIES, ADJECTIVES, ALBUM_PATTERNS, FIRST_NAMES, LAST_NAMES, MOODS, MUSIC_GENRES, NOUNS, PODCAST_GENRES,
  PODCAST_PATTERNS, TOPICS,
} from "./catalog-words";
import { base62, DEFAULT_SEED, rngFor, type Rng } from "./random";

export type CatalogItem = { id: number; uri: string; type: ItemType; genres: string[] };

// Shares of the catalogue by type: episodes dominate, as in a real podcast-heavy catalogue.
const MIX: readonly [ItemType, number][] = [
  ["podcast", 0.22],
  ["episode", 0.38],
  ["playlist", 0.13],
  ["album", 0.15],
  ["artist", 0.12],
];

const person = (rng: Rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Draft = Omit<Prisma.ItemCreateManyInput, "genres"> & { genres: string[] };

function artistName(rng: Rng): string {
  const r = rng.next();
  if (r < 0.4) return person(rng);
  if (r < 0.75) return `The ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}s`;
  return `${rng.pick(NOUNS)} ${rng.pick(NOUNS)}`;
}

/** Generates the catalogue rows, podcasts and artists first so that episodes and albums can refer to them. */
export function planCatalog(count: number, rng: Rng, now: Date): Draft[] {
  const counts = MIX.map(([type, share]) => [type, Math.max(1, Math.round(count * share))] as const);
  const total = counts.reduce((s, [, n]) => s + n, 0);
  const drafts: Draft[] = [];
  const uri = (type: ItemType) => `${type}:${base62(rng, 22)}`;
  const add = (type: ItemType, title: string, creator: string, genres: string[]) =>
    drafts.push({ uri: uri(type), type, title, creator, genres, imageUrl: null, updatedAt: now });
  const podcasts: { title: string; genres: string[] }[] = [];
  const artists: { name: string; genres: string[] }[] = [];
  for (const [type, n0] of counts) {
    // Rounding may leave the total off by one or two; the episodes absorb it.
    const n = type === "episode" ? n0 + count - total : n0;
    for (let i = 0; i < n; i++) {
      if (type === "podcast") {
        const title = rng.pick(PODCAST_PATTERNS)(rng.pick(ADJECTIVES), rng.pick(NOUNS));
        const genres = rng.sample(PODCAST_GENRES, rng.int(1, 2));
        podcasts.push({ title, genres });
        add(type, title, rng.chance(0.3) ? `${rng.pick(NOUNS)} Audio` : person(rng), genres);
      } else if (type === "episode") {
        const show = rng.pick(podcasts);
        add(type, `Ep. ${rng.int(1, 420)}: ${capitalize(rng.pick(TOPICS))}`, show.title, show.genres);
      } else if (type === "artist") {
        const name = artistName(rng);
        const genres = rng.sample(MUSIC_GENRES, rng.int(1, 2));
        artists.push({ name, genres });
        add(type, name, "", genres);
      } else if (type === "album") {
        const artist = artists.length ? rng.pick(artists) : { name: artistName(rng), genres: [rng.pick(MUSIC_GENRES)] };
        add(type, rng.pick(ALBUM_PATTERNS)(rng.pick(ADJECTIVES), rng.pick(NOUNS)), artist.name, artist.genres);
      } else {
        const genre = rng.pick(MUSIC_GENRES);
        const title = rng.chance(0.5) ? `${rng.pick(MOODS)} ${capitalize(genre)}` : `${capitalize(genre)} for ${rng.pick(ACTIVITIES)}`;
        add(type, title, rng.chance(0.7) ? "Home Editors" : person(rng), [genre]);
      }
    }
  }
  return drafts;
}

/** Creates `count` catalogue items (default 2,400) with generated titles; images are left to the placeholder. */
export async function seedCatalog(db: SeedDb, options: { count?: number; seed?: number; now?: Date } = {}): Promise<{ items: CatalogItem[] }> {
  const now = options.now ?? new Date();
  const drafts = planCatalog(options.count ?? 2_400, rngFor(options.seed ?? DEFAULT_SEED, "catalog"), now);
  await inChunks(drafts, (chunk) => db.item.createMany({ data: chunk }));
  const items = await db.item.findMany({ where: { uri: { in: drafts.map((d) => d.uri) } }, select: { id: true, uri: true, type: true, genres: true }, orderBy: { id: "asc" } });
  return { items };
}
