import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { profileOf } from "./validation-fixtures";

// `npx shelfwatch validate` as a CI step runs it: two files in, a table (or JSON) out, exit 1 on any
// anomaly, 2 on unusable input, and no database anywhere.

const ROOT = path.resolve(import.meta.dirname, "../..");
const TFDV = path.join(ROOT, "test/fixtures/tfdv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shelfwatch-validate-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
};

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // No DATABASE_URL, and a data folder that must stay empty: the command needs no database.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", SHELFWATCH_DATA_DIR: path.join(dir, "data") };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "lib/cli/bin.mjs"), "validate", ...args], { cwd: dir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("shelfwatch validate", () => {
  it("reproduces TFX's taxi anomalies from TFDV statistics, in a table, and exits 1", async () => {
    const config = file("taxi.json", { features: { company: { comparator: "l_infinity", threshold: 0.01 }, dropoff_census_tract: { comparator: "jensen_shannon", threshold: 0 } }, thresholds: { jensen_shannon: 1 } });
    const { code, stdout } = await run(["--baseline", path.join(TFDV, "tfx_taxi_stats_eval.json"), "--target", path.join(TFDV, "tfx_taxi_stats_train.json"), "--config", config]);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Baseline  tfx_taxi_stats_eval.json: TFDV statistics, 4,966 examples, 18 features");
    expect(lines[3]).toMatch(/^FEATURE\s+TYPE\s+COMPARATOR\s+DISTANCE\s+THRESHOLD\s+STATUS\s+MOVED MOST/);
    // Most severe first: the two features TFX expects, with their distances beside the thresholds.
    expect(lines[4]).toMatch(/^dropoff_census_tract\s+numeric\s+Jensen-Shannon\s+9\.17e-4\s+0\.0000\s+ANOMALY/);
    expect(lines[5]).toMatch(/^company\s+categorical\s+L-infinity\s+0\.0123\s+0\.0100\s+ANOMALY\s+Dispatch Taxi Affiliation: 17\.4% → 16\.2%$/);
    expect(stdout).toMatch(/pickup_census_tract\s+numeric\s+Jensen-Shannon\s+—\s+1\.0000\s+not comparable\s+One or more feature missing data\./);
    expect(stdout.trimEnd().endsWith("2 features above threshold, 0 schema anomalies.")).toBe(true);
    expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
  }, 60_000);

  it("exits 0 when nothing is above threshold, and prints JSON with --json", async () => {
    const a = file("a.json", profileOf(1));
    const b = file("b.json", profileOf(2));
    const clean = await run(["--baseline", a, "--target", b]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("No anomaly: 3 features within their thresholds.");
    const shifted = file("c.json", profileOf(3, 2000, { minutesScale: 60, newDevice: 0.2 }));
    const json = await run(["--baseline", a, "--target", shifted, "--json"]);
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout);
    expect(body).toMatchObject({ anomalous: true, anomalyCount: 2, schemaAnomalyCount: 1, baseline: { source: "native", numExamples: 2000 } });
    expect(body.schemaAnomalies).toEqual([{ kind: "new_values", feature: "device", values: [{ value: "car", share: expect.any(Number) }], share: expect.any(Number) }]);
  }, 60_000);

  it("exits 2 naming the problem: a missing file, a malformed profile, a bad config, missing flags", async () => {
    const a = file("ok.json", profileOf(1));
    const missing = await run(["--baseline", path.join(dir, "nope.json"), "--target", a]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("cannot read the baseline file") });
    const bad = JSON.parse(fs.readFileSync(path.join(TFDV, "tfx_taxi_stats_eval.json"), "utf8"));
    bad.datasets[0].features[0].string_stats.rank_histogram.buckets[0].sample_count = "x";
    const malformed = await run(["--baseline", file("bad.json", bad), "--target", a]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("datasets[0].features[0].string_stats.rank_histogram.buckets[0].sample_count");
    const config = await run(["--baseline", a, "--target", a, "--config", file("cfg.json", { features: { minutes: { comparator: "cosine" } } })]);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain("features.minutes.comparator");
    const usage = await run(["--baseline", a]);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining("--baseline and --target are required") });
  }, 60_000);
});
