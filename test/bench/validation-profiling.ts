// Profiling raw rows for `npm run bench:validation`: writes the NDJSON file, and runs one pass over it
// in a child process (so that each pass's peak memory is its own): either the bare loop (read, parse,
// tally each value) or the profiler as the feature-rows endpoint runs it (read, parse, fold into the
// streaming profile). Both read through the endpoint's own line reader.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createProfileBuilder } from "../../lib/drift/builder";
import { readNdjsonLines } from "../../lib/server/api/read-body";

export type PassResult = { pass: "bare" | "profile"; rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number; peakHeapMb: number; features: number };

const DEVICES = ["mobile_android", "mobile_ios", "desktop", "web", "tv", "smart_speaker"];
const COUNTRIES = ["US", "BR", "GB", "DE", "IN", "MX", "FR", "SE", "JP", "ES", "CA", "AU", "NL", "NG", "ID", "PL"];
const TIERS = ["free", "premium", "family", "student"];

/** Writes `rows` rows of 20 features (12 numeric, 8 categorical, a few nulls) as NDJSON; returns the size in bytes. */
export async function writeRowsFile(file: string, rows: number): Promise<number> {
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const out = fs.createWriteStream(file);
  const batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = next();
    batch.push(
      JSON.stringify({
        listener_age_days: Math.floor(next() * 3650),
        session_length_s: Math.floor(-Math.log(1 - next()) * 900),
        tracks_played_7d: Math.floor(next() * next() * 400),
        skip_rate: r < 0.02 ? null : Math.round(next() * 1000) / 1000,
        podcast_minutes_28d: next() < 0.3 ? 0 : Math.floor(-Math.log(1 - next()) * 200),
        hour_of_day: Math.floor(next() * 24),
        days_since_last_listen: Math.floor(-Math.log(1 - next()) * 3),
        follows_count: Math.floor(next() * 200),
        avg_track_completion: Math.round(next() * 1000) / 1000,
        searches_7d: Math.floor(next() * next() * 60),
        liked_items_count: Math.floor(next() * 3000),
        item_popularity_pct: Math.round(next() * 10000) / 100,
        device_type: DEVICES[Math.floor(next() * next() * DEVICES.length)],
        country: r < 0.005 ? null : COUNTRIES[Math.floor(next() * COUNTRIES.length)],
        subscription_tier: TIERS[Math.floor(next() * next() * TIERS.length)],
        top_genre: `genre_${Math.floor(next() * next() * 40)}`,
        platform_os: next() < 0.5 ? "android" : "ios",
        app_language: ["en", "es", "pt", "de", "fr"][Math.floor(next() * 5)],
        network_type: next() < 0.6 ? "wifi" : "cellular",
        episode_id: `ep-${Math.floor(next() * 200_000)}`,
      }),
    );
    if (batch.length === 5_000 || i === rows - 1) {
      if (!out.write(`${batch.join("\n")}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
      batch.length = 0;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return fs.statSync(file).size;
}

/** One pass over the file in this process. */
async function runPass(pass: "bare" | "profile", file: string): Promise<PassResult> {
  let peakHeap = 0;
  const timer = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
  const request = new Request("http://localhost/bench", { method: "POST", body: Readable.toWeb(fs.createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>, duplex: "half" } as RequestInit);
  const started = process.hrtime.bigint();
  let rows = 0;
  let features = 0;
  if (pass === "bare") {
    // The least any ingestion must do: parse each row and touch each value (count it; add up numbers).
    const counts = new Map<string, number>();
    const sums = new Map<string, number>();
    for await (const { line } of readNdjsonLines(request, Number.MAX_SAFE_INTEGER)) {
      const row = JSON.parse(line) as Record<string, unknown>;
      for (const key in row) {
        const v = row[key];
        if (v === null) continue;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (typeof v === "number") sums.set(key, (sums.get(key) ?? 0) + v);
      }
      rows++;
    }
    features = counts.size;
  } else {
    const builder = createProfileBuilder();
    for await (const { line } of readNdjsonLines(request, Number.MAX_SAFE_INTEGER)) builder.add(JSON.parse(line) as Record<string, unknown>);
    const profile = builder.finish();
    rows = profile.numExamples;
    features = profile.features.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  return { pass, rows, seconds, rowsPerSecond: rows / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: Math.max(peakHeap, process.memoryUsage().heapUsed) / 1e6, features };
}

/** Runs one pass in a fresh Node process and returns its figures. */
export function runPassInChild(pass: "bare" | "profile", file: string): Promise<PassResult> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--conditions=react-server", "--import", "tsx", self, pass, file], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${pass} pass failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as PassResult);
    });
  });
}

// Child entry point: `node … validation-profiling.ts <bare|profile> <file>`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [pass, file] = process.argv.slice(2) as ["bare" | "profile", string];
  runPass(pass, file).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
