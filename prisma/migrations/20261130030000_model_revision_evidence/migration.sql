-- Model.revision now also changes with what a version page shows beside the registry: validation reports
-- and their feature results (the gate's skew check, the shelf's validation card), reviews and sampled
-- recommendations (the review summary and the gate's review check), and the names and items those show.
-- So the gate's checks and the review summary are kept per revision like the rest of the registry, and a
-- write anywhere still shows at the next read.

CREATE TRIGGER "ValidationReport_revision_insert" AFTER INSERT ON "ValidationReport" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ValidationReport_revision_update" AFTER UPDATE ON "ValidationReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ValidationReport_revision_delete" AFTER DELETE ON "ValidationReport" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

CREATE TRIGGER "ValidationFeatureResult_revision_insert" AFTER INSERT ON "ValidationFeatureResult" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ValidationFeatureResult_revision_update" AFTER UPDATE ON "ValidationFeatureResult" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();
CREATE TRIGGER "ValidationFeatureResult_revision_delete" AFTER DELETE ON "ValidationFeatureResult" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision"();

-- Reviews and samples name their version, not its model.
CREATE FUNCTION "bump_model_revision_by_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE "Model" SET "revision" = "revision" + 1
        WHERE "id" IN (SELECT v."modelId" FROM "ModelVersion" v WHERE v."id" IN (SELECT "versionId" FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE "Model" SET "revision" = "revision" + 1
        WHERE "id" IN (SELECT v."modelId" FROM "ModelVersion" v WHERE v."id" IN (SELECT "versionId" FROM new_rows UNION SELECT "versionId" FROM old_rows));
    ELSE
        UPDATE "Model" SET "revision" = "revision" + 1
        WHERE "id" IN (SELECT v."modelId" FROM "ModelVersion" v WHERE v."id" IN (SELECT "versionId" FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Review_revision_insert" AFTER INSERT ON "Review" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision_by_version"();
CREATE TRIGGER "Review_revision_update" AFTER UPDATE ON "Review" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision_by_version"();
CREATE TRIGGER "Review_revision_delete" AFTER DELETE ON "Review" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision_by_version"();

CREATE TRIGGER "RecommendationSample_revision_insert" AFTER INSERT ON "RecommendationSample" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision_by_version"();
CREATE TRIGGER "RecommendationSample_revision_update" AFTER UPDATE ON "RecommendationSample" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision_by_version"();
CREATE TRIGGER "RecommendationSample_revision_delete" AFTER DELETE ON "RecommendationSample" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revision_by_version"();

-- A reviewer's name and the catalogue's items are shown on every model's pages: a change to them moves
-- every model's revision (rare, and once per statement).
CREATE FUNCTION "bump_all_model_revisions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Model" SET "revision" = "revision" + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER "User_name_revision" AFTER UPDATE OF "name" ON "User"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_all_model_revisions"();

CREATE FUNCTION "bump_model_revisions_on_item_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o."id" = n."id"
               WHERE (n."uri", n."title", n."creator", n."type") IS DISTINCT FROM (o."uri", o."title", o."creator", o."type")) THEN
        UPDATE "Model" SET "revision" = "revision" + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Item_revision_update" AFTER UPDATE ON "Item" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_model_revisions_on_item_change"();
CREATE TRIGGER "Item_revision_delete" AFTER DELETE ON "Item"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_all_model_revisions"();
