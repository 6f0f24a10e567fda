-- Validation reports keep what the dashboard shows beside each distance: the features that could not be
-- compared (TFDV records no measurement for them; the reason is kept), and the value that moved most
-- with both shares.

-- AlterTable
ALTER TABLE "ValidationReport" ADD COLUMN "notComparable" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "ValidationFeatureResult" ADD COLUMN "movedMostDetail" JSONB;
