-- A score must name a version of its own model. A foreign key checks that once per row: for a batch of
-- ten thousand scores of one version, ten thousand identical look-ups, a third of the batch's cost. The
-- same guarantee is now given once per statement, for any writer: the versions a statement's scores name
-- are looked up and locked (FOR KEY SHARE, as a foreign key would) once, and a statement naming a missing
-- version fails with foreign_key_violation. Deleting a version still deletes its scores.

-- DropForeignKey
ALTER TABLE "Evaluation" DROP CONSTRAINT "Evaluation_modelId_versionId_fkey";

CREATE FUNCTION "check_evaluation_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named int;
    found int;
BEGIN
    -- Each (model, version) pair the statement wrote, once; its version row locked as a foreign key would.
    SELECT count(*), count(v."id") INTO named, found
    FROM (SELECT DISTINCT "modelId", "versionId" FROM new_rows) n
    LEFT JOIN LATERAL (
        SELECT m."id" FROM "ModelVersion" m WHERE m."id" = n."versionId" AND m."modelId" = n."modelId" FOR KEY SHARE
    ) v ON true;
    IF found < named THEN
        RAISE EXCEPTION 'a score names no version of its model'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'Evaluation', CONSTRAINT = 'Evaluation_modelId_versionId_check';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Evaluation_version_insert" AFTER INSERT ON "Evaluation" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "check_evaluation_versions"();
CREATE TRIGGER "Evaluation_version_update" AFTER UPDATE ON "Evaluation" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "check_evaluation_versions"();

CREATE FUNCTION "delete_version_evaluations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "Evaluation" WHERE "versionId" IN (SELECT "id" FROM old_rows);
    RETURN NULL;
END
$$;

CREATE TRIGGER "ModelVersion_evaluations_delete" AFTER DELETE ON "ModelVersion" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "delete_version_evaluations"();
