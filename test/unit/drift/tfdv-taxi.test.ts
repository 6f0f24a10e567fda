// The TFX taxi comparison (tfx/components/distribution_validator/executor_test.py,
// "multiple_features"): current = train, baseline = eval.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../../lib/drift/compare";
import { jensenShannonDivergence, lInfinityDistance } from "../../../lib/drift/distance";
import { featureCounts, featureHistogram } from "../../../lib/drift/inputs";
import type { CategoricalFeatureProfile, DatasetProfile, NumericFeatureProfile } from "../../../lib/drift/profile";
import { parseProfileJson, readTfdvStatistics } from "../../../lib/drift/tfdv";

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/tfdv/${name}`, import.meta.url), "utf8");
const train = readTfdvStatistics(JSON.parse(fixture("tfx_taxi_stats_train.json")))[0];
const evalSplit = readTfdvStatistics(JSON.parse(fixture("tfx_taxi_stats_eval.json")))[0];

function expectedMeasurement(feature: string, type: string): number {
  const text = fixture("tfx_distribution_validator_expected_anomalies.pbtxt");
  const block = new RegExp(`step: "${feature}"\\s*}\\s*drift_measurements {\\s*type: ${type}\\s*value: ([0-9.e-]+)`);
  const match = block.exec(text);
  if (!match) throw new Error(`no ${type} measurement for ${feature} in the fixture`);
  return Number(match[1]);
}

const categorical = (p: DatasetProfile, name: string) => p.features.find((f) => f.name === name) as CategoricalFeatureProfile;
const numeric = (p: DatasetProfile, name: string) => p.features.find((f) => f.name === name) as NumericFeatureProfile;

describe("TFDV reader on the taxi statistics", () => {
  it("reads both splits: 18 features, 10036 and 4966 examples", () => {
    expect(train.numExamples).toBe(10036);
    expect(evalSplit.numExamples).toBe(4966);
    for (const p of [train, evalSplit]) {
      expect(p.features).toHaveLength(18);
      expect(p.features.filter((f) => f.type === "categorical").map((f) => f.name).sort()).toEqual(["company", "payment_type"]);
      expect(p.features.filter((f) => f.type === "numeric")).toHaveLength(16);
    }
  });

  it("maps counts, numeric summaries and both histogram types", () => {
    const fare = numeric(train, "fare");
    expect(fare.count).toBe(10036);
    expect(fare.min).toBe(0); // omitted in proto3 JSON: the default 0
    expect(fare.max).toBeCloseTo(700.0700073242188, 12);
    expect(fare.zeros).toBe(20);
    expect(fare.histograms.map((h) => h.type)).toEqual(["STANDARD", "QUANTILES"]);
    for (const b of fare.histograms[1].buckets) expect(b.count).toBeCloseTo(1003.6, 9);
    expect(fare.sketch).toBeUndefined();
    const tract = numeric(train, "dropoff_census_tract");
    expect(tract.count).toBe(10036);
    expect(tract.numValues).toBe(7197);
    expect(numeric(train, "pickup_census_tract").histograms).toEqual([]);
  });

  it("maps the rank histogram to top values", () => {
    const payment = categorical(train, "payment_type");
    expect(payment.topValues[0]).toEqual({ value: "Cash", count: 6675 });
    expect(payment.topValues).toHaveLength(6);
    expect(payment.distinct).toBe(6);
    expect(categorical(train, "company").topValues.some((v) => v.value === "Chicago Elite Cab Corp. (Chicago Carriag")).toBe(true);
  });

  it("is recognised by parseProfileJson", () => {
    const parsed = parseProfileJson(fixture("tfx_taxi_stats_eval.json"));
    expect(parsed.source).toBe("tfdv");
    expect(parsed.profile).toEqual(evalSplit);
  });
});

describe("distances on the taxi statistics reproduce TFX's expected anomalies", () => {
  it("L-infinity on company: 0.012277129468474923, label Dispatch Taxi Affiliation", () => {
    const expected = expectedMeasurement("company", "L_INFTY");
    expect(expected).toBe(0.012277129468474923);
    const r = lInfinityDistance(featureCounts(categorical(evalSplit, "company")), featureCounts(categorical(train, "company")));
    expect(Math.abs(r.value - expected) / expected).toBeLessThan(1e-12);
    expect(r.label).toBe("Dispatch Taxi Affiliation");
  });

  it("Jensen-Shannon divergence on dropoff_census_tract: 0.000917362998174601", () => {
    const expected = expectedMeasurement("dropoff_census_tract", "JENSEN_SHANNON_DIVERGENCE");
    expect(expected).toBe(0.000917362998174601);
    const baseline = featureHistogram(numeric(evalSplit, "dropoff_census_tract"))!;
    const current = featureHistogram(numeric(train, "dropoff_census_tract"))!;
    for (const value of [jensenShannonDivergence(baseline, current), jensenShannonDivergence(current, baseline)]) {
      expect(Math.abs(value - expected) / expected).toBeLessThan(1e-12);
    }
  });

  it("compareProfiles with thresholds 0 raises exactly the two anomalies", () => {
    const report = compareProfiles(evalSplit, train, {
      features: {
        company: { comparator: "l_infinity", threshold: 0 },
        dropoff_census_tract: { comparator: "jensen_shannon", threshold: 0 },
      },
      thresholds: { l_infinity: 1, jensen_shannon: 1 },
    });
    const anomalies = report.features.filter((f) => f.anomaly);
    expect(anomalies.map((f) => f.name)).toEqual(["company", "dropoff_census_tract"]);
    expect(anomalies[0].movedMost).toMatchObject({ kind: "value", label: "Dispatch Taxi Affiliation" });
    expect(anomalies[1].distance).toBeCloseTo(0.000917362998174601, 15);
    // A numeric feature without histograms gets no measurement, as TFDV only logs a warning.
    expect(report.features.find((f) => f.name === "pickup_census_tract")).toMatchObject({
      distance: null,
      anomaly: false,
      error: "One or more feature missing data.",
    });
    expect(report.schemaAnomalies).toEqual([]);
  });
});
