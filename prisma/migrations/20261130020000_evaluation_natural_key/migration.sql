-- A score is identified by its version, metric and dataset: the unique index that already enforced it
-- becomes the primary key, and the surrogate id (read by nothing) goes. Every score ingested then
-- maintains one index and one sequence fewer.

-- DropPrimaryKey
ALTER TABLE "Evaluation" DROP CONSTRAINT "Evaluation_pkey";

-- DropColumn (and its sequence)
ALTER TABLE "Evaluation" DROP COLUMN "id";

-- AddPrimaryKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_pkey" PRIMARY KEY USING INDEX "Evaluation_versionId_metric_dataset_key";
