// The logged features of the demo models and the distributions they are drawn from. Every day and
// every training set draws from the same distributions, so two profiles differ by sampling noise only,
// except for what validation.ts plants on purpose.

import type { FeatureType } from "../../lib/drift/profile";
import { ALL_GENRES } from "./catalog-words";
import { DEFAULT_SEED, rngFor, type Rng } from "./random";

type Value = number | string | null;
export type FeatureSpec = { name: string; type: FeatureType; missing: number; draw: (rng: Rng) => number | string };

/** Beta(a, b) from two gammas (both shapes >= 1 here). */
const beta = (rng: Rng, a: number, b: number) => {
  const x = rng.gamma(a);
  return x / (x + rng.gamma(b));
};
// Caps keep the long tails of counts bounded, as the pipelines' feature clipping does; without them one
// extreme value moves every equal-width bucket and a stable feature would look like it drifted.
const count = (rng: Rng, shape: number, scale: number, cap: number) => Math.min(cap, Math.round(rng.gamma(shape) * scale));
const categorical = (values: string[], weights: number[]) => (rng: Rng) => rng.weighted(values, weights);

const HOURS = Array.from({ length: 24 }, (_, h) => h);
// Listening peaks on the commute and in the evening.
const HOUR_WEIGHTS = HOURS.map((h) => 1 + 3 * Math.exp(-((h - 8) ** 2) / 4) + 5 * Math.exp(-((h - 20) ** 2) / 8));
const GENRE_WEIGHTS = ALL_GENRES.map((_, i) => 1 / (i + 2));

/** Share of rows where podcast_minutes_28d is exactly 0: listeners who play no podcasts. */
export const PODCAST_ZERO_SHARE = 0.3;

export const DEVICE_TYPES = ["mobile_android", "mobile_ios", "desktop", "web", "tv", "smart_speaker"];
const DEVICE_WEIGHTS = [41, 38, 9, 5, 4, 3];

const COMMON: FeatureSpec[] = [
  { name: "listener_age_days", type: "numeric", missing: 0, draw: (r) => count(r, 1.6, 380, 3650) },
  { name: "session_length_s", type: "numeric", missing: 0.01, draw: (r) => count(r, 2, 620, 7200) },
  { name: "tracks_played_7d", type: "numeric", missing: 0, draw: (r) => count(r, 1.4, 38, 600) },
  { name: "skip_rate", type: "numeric", missing: 0.02, draw: (r) => beta(r, 2, 5) },
  { name: "podcast_minutes_28d", type: "numeric", missing: 0.04, draw: (r) => (r.chance(PODCAST_ZERO_SHARE) ? 0 : count(r, 1.3, 170, 2400)) },
  { name: "hour_of_day", type: "numeric", missing: 0, draw: (r) => r.weighted(HOURS, HOUR_WEIGHTS) },
  { name: "days_since_last_listen", type: "numeric", missing: 0, draw: (r) => count(r, 1, 3, 60) },
  { name: "follows_count", type: "numeric", missing: 0, draw: (r) => count(r, 1.5, 12, 400) },
  { name: "avg_track_completion", type: "numeric", missing: 0.01, draw: (r) => beta(r, 6, 2) },
  { name: "searches_7d", type: "numeric", missing: 0, draw: (r) => count(r, 1.2, 5, 120) },
  { name: "liked_items_count", type: "numeric", missing: 0, draw: (r) => count(r, 1.4, 150, 3000) },
  { name: "shelf_impressions_7d", type: "numeric", missing: 0, draw: (r) => count(r, 3, 15, 250) },
  { name: "item_popularity_pct", type: "numeric", missing: 0, draw: (r) => beta(r, 2, 2) * 100 },
  { name: "device_type", type: "categorical", missing: 0, draw: categorical(DEVICE_TYPES, DEVICE_WEIGHTS) },
  { name: "country", type: "categorical", missing: 0.005, draw: categorical(["US", "BR", "GB", "DE", "IN", "MX", "FR", "SE", "JP", "ES", "CA", "AU", "NL", "NG", "ID", "PL"], [22, 9, 9, 8, 8, 6, 5, 5, 5, 4, 4, 3, 3, 3, 3, 3]) },
  { name: "subscription_tier", type: "categorical", missing: 0, draw: categorical(["free", "premium", "family", "student"], [52, 33, 9, 6]) },
  { name: "top_genre", type: "categorical", missing: 0.08, draw: (r) => r.weighted(ALL_GENRES, GENRE_WEIGHTS) },
  { name: "platform_os", type: "categorical", missing: 0, draw: categorical(["android", "ios", "windows", "macos", "other"], [44, 40, 8, 6, 2]) },
  { name: "app_language", type: "categorical", missing: 0, draw: categorical(["en", "es", "pt", "de", "fr", "ja", "hi", "sv", "nl", "pl", "id"], [45, 12, 9, 7, 6, 5, 5, 3, 3, 2, 3]) },
  { name: "account_age_bucket", type: "categorical", missing: 0, draw: categorical(["<30d", "30-365d", "1-3y", ">3y"], [12, 25, 33, 30]) },
  { name: "network_type", type: "categorical", missing: 0.01, draw: categorical(["wifi", "cellular", "offline"], [62, 35, 3]) },
  { name: "audio_quality", type: "categorical", missing: 0, draw: categorical(["low", "normal", "high", "very_high"], [10, 45, 35, 10]) },
];

// Each model also logs a couple of features of its own.
const OWN: Record<string, FeatureSpec[]> = {
  "podcast-model": [
    { name: "episode_completion_rate", type: "numeric", missing: 0.05, draw: (r) => beta(r, 3, 2) },
    { name: "shows_followed", type: "numeric", missing: 0, draw: (r) => count(r, 1.3, 6, 150) },
  ],
  "shortcuts-model": [
    { name: "recent_items_count", type: "numeric", missing: 0, draw: (r) => count(r, 2, 8, 100) },
    { name: "resume_position_pct", type: "numeric", missing: 0.03, draw: (r) => beta(r, 2, 3) * 100 },
  ],
  "exploration-model": [
    { name: "genre_entropy", type: "numeric", missing: 0, draw: (r) => beta(r, 4, 3) * 4 },
    { name: "novelty_affinity", type: "numeric", missing: 0.02, draw: (r) => beta(r, 2, 5) },
  ],
};

/** The features a model logs: the common ones plus its own. */
export function featuresOf(modelName: string): FeatureSpec[] {
  return [...COMMON, ...(OWN[modelName] ?? [])];
}

/** How one dataset deviates from the shared distributions (the plants), per feature. */
export type RowVariant = { transforms?: Record<string, (v: number) => number>; extraValue?: { feature: string; value: string; share: number } };

// Drawing through gamma and beta samplers for every value of ~400 profiles costs seconds; a fixed table
// of each distribution's quantiles, indexed by one uniform number, draws the same distribution in a
// fraction of that. The tables come from their own fixed stream, so they never vary between runs.
const TABLE_SIZE = 4096;
const tables = new Map<string, (number | string)[]>();

function quantileTable(f: FeatureSpec): (number | string)[] {
  let table = tables.get(f.name);
  if (!table) {
    const rng = rngFor(DEFAULT_SEED, `distribution:${f.name}`);
    const draws = Array.from({ length: TABLE_SIZE * 8 }, () => f.draw(rng));
    // Categorical values are kept in draw order: shuffled already, so a uniform index is a fair pick.
    if (f.type === "numeric") (draws as number[]).sort((a, b) => a - b);
    table = f.type === "numeric" ? Array.from({ length: TABLE_SIZE }, (_, i) => draws[i * 8 + 4]) : draws.slice(0, TABLE_SIZE);
    tables.set(f.name, table);
  }
  return table;
}

/** Draws one logged row; missing values are null, as the serving logs write them. */
export function drawRow(rng: Rng, features: FeatureSpec[], variant: RowVariant = {}): Record<string, Value> {
  const row: Record<string, Value> = {};
  const next = rng.next;
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (f.missing > 0 && next() < f.missing) {
      row[f.name] = null;
      continue;
    }
    const table = tables.get(f.name) ?? quantileTable(f);
    let value = table[(next() * TABLE_SIZE) | 0];
    const transform = variant.transforms?.[f.name];
    if (transform !== undefined && typeof value === "number") value = transform(value);
    const extra = variant.extraValue;
    if (extra !== undefined && extra.feature === f.name && next() < extra.share) value = extra.value;
    row[f.name] = value;
  }
  return row;
}
