import { describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";

// Rules that must hold under concurrency live in the database itself; these prove the database refuses.

async function modelWithVersions() {
  const shelf = await db().shelf.create({ data: { slug: `s-${Math.random().toString(36).slice(2)}`, title: "Shelf", team: "t" } });
  const model = await db().model.create({ data: { name: `m-${shelf.slug}`, shelfId: shelf.id } });
  const v1 = await db().modelVersion.create({ data: { modelId: model.id, version: 1, trainedAt: new Date() } });
  const v2 = await db().modelVersion.create({ data: { modelId: model.id, version: 2, trainedAt: new Date() } });
  return { model, v1, v2 };
}

describe("database invariants", () => {
  it("keeps version numbers unique per model", async () => {
    const { model } = await modelWithVersions();
    await expect(db().modelVersion.create({ data: { modelId: model.id, version: 2, trainedAt: new Date() } })).rejects.toThrow(/Unique constraint/);
  });

  it("allows at most one production alias per model, even when two writers race", async () => {
    const { model, v1, v2 } = await modelWithVersions();
    const results = await Promise.allSettled([
      db().modelAlias.create({ data: { modelId: model.id, alias: "production", versionId: v1.id } }),
      db().modelAlias.create({ data: { modelId: model.id, alias: "production", versionId: v2.id } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().modelAlias.count({ where: { modelId: model.id, alias: "production" } })).toBe(1);
  });

  it("refuses to update, delete or truncate audit events", async () => {
    await db().auditEvent.create({
      data: { actorType: "system", actorLabel: "test", action: "test.event", subjectType: "test", subjectId: "1", prevHash: "0".repeat(64), hash: "a".repeat(64) },
    });
    await expect(db().auditEvent.updateMany({ data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count({ where: { action: "test.event" } })).toBe(1);
  });

  it("allows one pending promotion request per model", async () => {
    const { model, v1, v2 } = await modelWithVersions();
    await db().promotionRequest.create({ data: { modelId: model.id, versionId: v1.id, pendingKey: model.id, requestedBy: "a" } });
    await expect(db().promotionRequest.create({ data: { modelId: model.id, versionId: v2.id, pendingKey: model.id, requestedBy: "b" } })).rejects.toThrow(/Unique constraint/);
  });
});
