import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProfileFormatError } from "../../../lib/drift/errors";
import { featureHistogram } from "../../../lib/drift/inputs";
import type { NumericFeatureProfile } from "../../../lib/drift/profile";
import { parseProfileJson, readTfdvStatistics } from "../../../lib/drift/tfdv";

const trainJson = (): any =>
  JSON.parse(readFileSync(new URL("../../fixtures/tfdv/tfx_taxi_stats_train.json", import.meta.url), "utf8"));

function errorOf(fn: () => unknown): ProfileFormatError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProfileFormatError) return e;
    throw e;
  }
  throw new Error("expected a ProfileFormatError");
}

describe("TFDV reader: validation names the path at fault", () => {
  it("reports a bucket count that is not a number", () => {
    const json = trainJson();
    json.datasets[0].features[3].num_stats.histograms[0].buckets[2].sample_count = "many";
    const e = errorOf(() => readTfdvStatistics(json));
    expect(e.message).toBe("datasets[0].features[3].num_stats.histograms[0].buckets[2].sample_count: expected a number");
    expect(e.path).toBe("datasets[0].features[3].num_stats.histograms[0].buckets[2].sample_count");
  });

  it("reports bad int64s, enums, labels and shapes", () => {
    const cases: [(j: any) => void, string][] = [
      [(j) => (j.datasets[0].num_examples = "10k"), "datasets[0].num_examples: expected an integer"],
      [(j) => (j.datasets[0].features[0].string_stats.common_stats.num_missing = "-3"), "datasets[0].features[0].string_stats.common_stats.num_missing: expected a non-negative integer"],
      [(j) => (j.datasets[0].features[4].num_stats.histograms[1].type = "DENSE"), "datasets[0].features[4].num_stats.histograms[1].type: expected one of STANDARD, QUANTILES"],
      [(j) => (j.datasets[0].features[1].string_stats.rank_histogram.buckets[0].label = 7), "datasets[0].features[1].string_stats.rank_histogram.buckets[0].label: expected a string"],
      [(j) => (j.datasets[0].features = {}), "datasets[0].features: expected an array"],
      [(j) => (j.datasets[0].features[2].path.step = []), "datasets[0].features[2].path.step: expected at least one step"],
      [(j) => (j.datasets[0].features[2].string_stats = {}), "datasets[0].features[2]: expected only one of num_stats, string_stats"],
      [(j) => (j.datasets[0].features[5].path = j.datasets[0].features[4].path), 'datasets[0].features[5]: duplicate feature "dropoff_latitude"'],
    ];
    for (const [mutate, message] of cases) {
      const json = trainJson();
      mutate(json);
      expect(errorOf(() => readTfdvStatistics(json)).message).toBe(message);
    }
    expect(errorOf(() => readTfdvStatistics([])).message).toBe("$: expected an object");
  });

  it("parseProfileJson rejects invalid JSON and unknown documents", () => {
    expect(errorOf(() => parseProfileJson("{")).path).toBe("$");
    expect(errorOf(() => parseProfileJson({ hello: 1 })).message).toMatch(/^\$: expected a profile/);
    expect(errorOf(() => parseProfileJson({ datasets: [] })).message).toBe("datasets: expected at least one dataset");
  });
});

describe("TFDV reader: proto3 JSON forms", () => {
  it("accepts lowerCamelCase names, numeric int64s, the legacy name and non-finite doubles", () => {
    const json = {
      datasets: [
        {
          numExamples: 7,
          features: [
            {
              name: "score",
              type: "FLOAT",
              numStats: {
                commonStats: { numNonMissing: "6", numMissing: 1, totNumValues: "6" },
                mean: 1.5,
                histograms: [
                  {
                    numNan: "1",
                    buckets: [
                      { lowValue: "-Infinity", highValue: "-Infinity", sampleCount: 1 },
                      { highValue: 2, sampleCount: 3 },
                      { lowValue: "Infinity", highValue: "Infinity", sampleCount: "1" },
                    ],
                  },
                ],
              },
            },
            { name: "empty" },
          ],
        },
      ],
    };
    const [profile] = readTfdvStatistics(json);
    expect(profile.numExamples).toBe(7);
    expect(profile.features).toHaveLength(1); // a feature without stats is skipped, as TFDV does
    const score = profile.features[0] as NumericFeatureProfile;
    expect(score).toMatchObject({ name: "score", count: 6, missing: 1, numNan: 1, numNegInf: 1, numPosInf: 1, mean: 1.5 });
    expect(score.histograms[0]).toEqual({ type: "STANDARD", buckets: [{ low: 0, high: 2, count: 3 }], numNan: 1, numNegInf: 1, numPosInf: 1 });
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    expect(featureHistogram(score)?.buckets).toEqual([
      { low: -Infinity, high: -Infinity, count: 1 },
      { low: 0, high: 2, count: 3 },
      { low: Infinity, high: Infinity, count: 1 },
    ]);
  });

  it("joins path steps with dots and reads a single dataset without the list", () => {
    const parsed = parseProfileJson({
      num_examples: "2",
      features: [{ path: { step: ["user", "country"] }, string_stats: { rank_histogram: { buckets: [{ label: "SE", sample_count: 2 }] } } }],
    });
    expect(parsed.source).toBe("tfdv");
    expect(parsed.profile.features[0]).toMatchObject({ name: "user.country", type: "categorical", topValues: [{ value: "SE", count: 2 }] });
  });
});
