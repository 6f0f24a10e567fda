import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { compareProfiles, describeMovedMost, type CompareConfig, type FeatureComparison, type ProfileComparison, type SchemaAnomaly } from "../../drift/compare";
import { ProfileFormatError } from "../../drift/errors";
import { parseProfileJson, type ParsedProfile } from "../../drift/tfdv";
import { COMPARATOR_LABELS, compareConfigSchema } from "../../schemas/validation";
import { CliError } from "../cli-error";

// `shelfwatch validate`: the same comparison the server runs, on two statistics files, for a CI step.
// Pure: it reads files and needs no database. Exit 0 when clean, 1 when any anomaly (a feature above
// its threshold or a schema anomaly), 2 when the input is unusable.

const USAGE = `Usage: shelfwatch validate --baseline A.json --target B.json [--config thresholds.json] [--json]

  --baseline   statistics to compare against (training data for skew, the previous span for drift):
               a Shelfwatch profile or TFDV statistics (DatasetFeatureStatisticsList, proto3 JSON)
  --target     statistics to check (serving data, the current span)
  --config     thresholds as JSON: { "features": { "<name>": { "comparator": "l_infinity", "threshold": 0.05 } },
               "comparators": { "numeric": "jensen_shannon" }, "thresholds": { "psi": 0.2 },
               "histogramType": "STANDARD", "newValueShare": 0.01, "missingFractionJump": 0.05 }
               Defaults: L-infinity (categorical) and Jensen-Shannon (numeric), threshold 0.1.
  --json       print the comparison as JSON instead of a table

Exit status: 0 no anomaly, 1 anomalies found, 2 bad usage or unreadable input.`;

type Side = { file: string; parsed: ParsedProfile };

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

function readSide(file: string, what: string): Side {
  try {
    return { file, parsed: parseProfileJson(readJson(file, what)) };
  } catch (error) {
    if (error instanceof ProfileFormatError) throw new CliError(`${file}: ${error.path}: ${error.problem}`);
    throw error;
  }
}

function readConfig(file: string | undefined): CompareConfig {
  if (!file) return {};
  const parsed = compareConfigSchema.safeParse(readJson(file, "config"));
  if (!parsed.success) throw new CliError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

const severity = (f: FeatureComparison) => (f.distance === null ? -1 : f.threshold > 0 ? f.distance / f.threshold : f.distance > 0 ? Infinity : 0);
const num = (x: number | null) => (x === null ? "—" : x !== 0 && Math.abs(x) < 0.001 ? x.toExponential(2) : x.toFixed(4));
const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.001 ? 2 : 1)}%`;

// Six significant digits, but large values (ids, timestamps) whole.
const short = (x: number) => (Math.abs(x) >= 1e5 ? String(Math.round(x)) : String(Number(x.toPrecision(6))));

function moved(f: FeatureComparison): string {
  if (f.distance === null) return f.error ?? "";
  const m = f.movedMost;
  // Nothing moved: naming a value would only be noise.
  if (!m || m.baselineShare === m.targetShare) return "";
  const what = m.kind === "range" ? (m.low === m.high ? short(m.low) : `[${short(m.low)}, ${short(m.high)}]`) : describeMovedMost(m);
  return `${what}: ${pct(m.baselineShare)} → ${pct(m.targetShare)}`;
}

function schemaText(a: SchemaAnomaly): string {
  switch (a.kind) {
    case "missing_in_target":
      return `${a.feature}: missing from the target`;
    case "new_in_target":
      return `${a.feature}: new in the target (${a.type})`;
    case "type_changed":
      return `${a.feature}: type changed ${a.baselineType} → ${a.targetType}`;
    case "new_values":
      return `${a.feature}: new values ${a.values.map((v) => `${v.value} (${pct(v.share)})`).join(", ")}`;
    case "missing_fraction_jump":
      return `${a.feature}: missing ${pct(a.baseline)} → ${pct(a.target)} of examples`;
  }
}

function describeSide(side: Side): string {
  const p = side.parsed.profile;
  const source = side.parsed.source === "tfdv" ? "TFDV statistics" : "Shelfwatch profile";
  return `${path.basename(side.file)}: ${source}, ${p.numExamples.toLocaleString("en-US")} examples, ${p.features.length} features`;
}

/** The comparison as a table people read: most severe first, comparator and threshold beside each distance. */
export function formatTable(baseline: Side, target: Side, result: ProfileComparison, color = false): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const rows = [...result.features].sort((a, b) => severity(b) - severity(a) || a.name.localeCompare(b.name));
  const header = ["FEATURE", "TYPE", "COMPARATOR", "DISTANCE", "THRESHOLD", "STATUS", "MOVED MOST (baseline → target)"];
  const cells = rows.map((f) => [f.name, f.type, COMPARATOR_LABELS[f.comparator], num(f.distance), num(f.threshold), f.distance === null ? "not comparable" : f.anomaly ? "ANOMALY" : "ok", moved(f)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const right = new Set([3, 4]);
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : right.has(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ").trimEnd();
  const out = [`Baseline  ${describeSide(baseline)}`, `Target    ${describeSide(target)}`, "", line(header)];
  rows.forEach((f, i) => {
    const text = line(cells[i]);
    out.push(f.anomaly ? paint(31, text) : f.distance === null ? paint(2, text) : text);
  });
  if (rows.length === 0) out.push("(no feature in both profiles with the same type)");
  if (result.schemaAnomalies.length > 0) {
    out.push("", `Schema anomalies (${result.schemaAnomalies.length}):`);
    for (const a of result.schemaAnomalies) out.push(paint(31, `  ${schemaText(a)}`));
  }
  const n = result.anomalyCount;
  const s = result.schemaAnomalies.length;
  out.push(
    "",
    n + s === 0
      ? paint(32, `No anomaly: ${rows.length} features within their thresholds.`)
      : paint(31, `${n} feature${n === 1 ? "" : "s"} above threshold, ${s} schema anomal${s === 1 ? "y" : "ies"}.`),
  );
  return out.join("\n");
}

/** `shelfwatch validate`: compares two statistics files; exit 1 when any anomaly is found. */
export async function validateCommand(args: string[]): Promise<number> {
  let values: { baseline?: string; target?: string; config?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { baseline: { type: "string" }, target: { type: "string" }, config: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.baseline || !values.target) throw new CliError(`--baseline and --target are required.\n\n${USAGE}`);
  const config = readConfig(values.config);
  const baseline = readSide(values.baseline, "baseline");
  const target = readSide(values.target, "target");
  const result = compareProfiles(baseline.parsed.profile, target.parsed.profile, config);
  const anomalous = result.anomalyCount > 0 || result.schemaAnomalies.length > 0;
  if (values.json) {
    const side = (s: Side) => ({ file: s.file, source: s.parsed.source, numExamples: s.parsed.profile.numExamples, features: s.parsed.profile.features.length });
    console.log(JSON.stringify({ baseline: side(baseline), target: side(target), anomalous, anomalyCount: result.anomalyCount, schemaAnomalyCount: result.schemaAnomalies.length, features: result.features, schemaAnomalies: result.schemaAnomalies }, null, 2));
  } else {
    console.log(formatTable(baseline, target, result, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  }
  return anomalous ? 1 : 0;
}
