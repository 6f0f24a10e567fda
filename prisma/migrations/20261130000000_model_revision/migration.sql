-- Model.revision changes with every write to a model's registry rows (versions, scores, online metrics,
-- declared metrics, gate policy, production alias, deployments, promotion requests). Pages and the API
-- keep what they derived from those rows while the revision stands (lib/server/models/revision-cache.ts):
-- one read of the revision replaces the queries, and a write anywhere shows at the next read. The
-- triggers run once per statement, so a batch of ten thousand scores bumps the revision once.

-- AlterTable
ALTER TABLE "Model" ADD COLUMN "revision" BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION "bump_model_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE "Model" SET "revision" = "revision" + 1 WHERE "id" IN (SELECT DISTINCT "modelId" FROM new_rows);
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE "Model" SET "revision" = "revision" + 1 WHERE "id" IN (SELECT "modelId" FROM new_rows UNION SELECT "modelId" FROM old_rows);
    ELSE
        UPDATE "Model" SET "revision" = "revision" + 1 WHERE "id" IN (SELECT DISTINCT "modelId" FROM old_rows);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "ModelVersion_revision_insert" AFTER INSERT ON "ModelVersion" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ModelVersion_revision_update" AFTER UPDATE ON "ModelVersion" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ModelVersion_revision_delete" AFTER DELETE ON "ModelVersion" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "Evaluation_revision_insert" AFTER INSERT ON "Evaluation" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "Evaluation_revision_update" AFTER UPDATE ON "Evaluation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "Evaluation_revision_delete" AFTER DELETE ON "Evaluation" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "OnlineMetric_revision_insert" AFTER INSERT ON "OnlineMetric" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "OnlineMetric_revision_update" AFTER UPDATE ON "OnlineMetric" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "OnlineMetric_revision_delete" AFTER DELETE ON "OnlineMetric" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "MetricDefinition_revision_insert" AFTER INSERT ON "MetricDefinition" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "MetricDefinition_revision_update" AFTER UPDATE ON "MetricDefinition" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "MetricDefinition_revision_delete" AFTER DELETE ON "MetricDefinition" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "GatePolicy_revision_insert" AFTER INSERT ON "GatePolicy" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "GatePolicy_revision_update" AFTER UPDATE ON "GatePolicy" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "GatePolicy_revision_delete" AFTER DELETE ON "GatePolicy" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "ModelAlias_revision_insert" AFTER INSERT ON "ModelAlias" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ModelAlias_revision_update" AFTER UPDATE ON "ModelAlias" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ModelAlias_revision_delete" AFTER DELETE ON "ModelAlias" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "Deployment_revision_insert" AFTER INSERT ON "Deployment" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "Deployment_revision_update" AFTER UPDATE ON "Deployment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "Deployment_revision_delete" AFTER DELETE ON "Deployment" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "PromotionRequest_revision_insert" AFTER INSERT ON "PromotionRequest" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "PromotionRequest_revision_update" AFTER UPDATE ON "PromotionRequest" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "PromotionRequest_revision_delete" AFTER DELETE ON "PromotionRequest" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

-- A score's model and version are checked together by one foreign key (the version must belong to that
-- model), instead of two separate checks per row: ingestion checks half as many keys, and a score can no
-- longer name a version of another model.

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_modelId_id_key" ON "ModelVersion"("modelId", "id");

-- DropForeignKey
ALTER TABLE "Evaluation" DROP CONSTRAINT "Evaluation_modelId_fkey";

-- DropForeignKey
ALTER TABLE "Evaluation" DROP CONSTRAINT "Evaluation_versionId_fkey";

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_modelId_versionId_fkey" FOREIGN KEY ("modelId", "versionId") REFERENCES "ModelVersion"("modelId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
