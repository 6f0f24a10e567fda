-- The series index covered every score, slices included: each score of a batch was a second insert at a
-- random place of a large index, two thirds of a batch's cost. What reads it (the metric-by-version
-- chart, the versions table sorted by a metric, the shelf cards' trend, the metric picker) reads the main
-- dataset: the index now holds those scores only. A slice's series is read through the primary key.

-- DropIndex
DROP INDEX "Evaluation_modelId_metric_dataset_versionId_value_idx";

-- CreateIndex
CREATE INDEX "Evaluation_modelId_metric_versionId_value_idx" ON "Evaluation"("modelId", "metric", "versionId", "value") WHERE ("dataset" = ''::text);
