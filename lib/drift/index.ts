// The drift module's public surface: pure statistics and distances, no database, no
// framework. Import from here, or from the file that defines a piece.

export * from "./distance";
export * from "./profile";
export { createProfileBuilder, type ProfileBuilder, type ProfileBuilderOptions } from "./builder";
export { mergeProfiles } from "./merge";
export {
  alignFeatureCounts,
  featureCounts,
  featureDistanceInputs,
  featureHistogram,
  toDistanceHistogram,
  type DistanceInputs,
  type HistogramKind,
} from "./inputs";
export {
  DEFAULT_COMPARATORS,
  DEFAULT_MISSING_FRACTION_JUMP,
  DEFAULT_NEW_VALUE_SHARE,
  DEFAULT_THRESHOLDS,
  compareProfiles,
  describeMovedMost,
  type CompareConfig,
  type Comparator,
  type FeatureCompareConfig,
  type FeatureComparison,
  type MovedMost,
  type ProfileComparison,
  type SchemaAnomaly,
} from "./compare";
export { schemaAnomalies } from "./schema-anomalies";
export { parseProfileJson, readTfdvDataset, readTfdvStatistics, type ParsedProfile } from "./tfdv";
export { validateProfile } from "./validate-profile";
export { ProfileFormatError } from "./errors";
export { featureQuantile, sketchQuantile, sketchRank } from "./histograms";
