-- Deployments are looked up by the version they moved to or from: the version page's baseline (the
-- version a deployment displaced), the gate's rollback block (a rollback away from a version), and the
-- cascades when a version is deleted. Without these, each of those reads the model's whole log.

-- CreateIndex
CREATE INDEX "Deployment_toVersionId_idx" ON "Deployment"("toVersionId");

-- CreateIndex
CREATE INDEX "Deployment_fromVersionId_idx" ON "Deployment"("fromVersionId");
