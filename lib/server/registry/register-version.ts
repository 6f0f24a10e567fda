import "server-only";
import { registerVersionSchema, type RegisterVersionInput } from "../../schemas/registry";
import { Prisma } from "../../generated/prisma/client";
import { appendAudit } from "../audit";
import { actorLabel, requireRole, type Ctx } from "../context";
import { db, type Tx } from "../db";
import { AppError, parseInput, type FieldError } from "../errors";
import { findModel } from "../models/find-model";
import { readVersions, toVersionDto, type VersionDto, type VersionRow } from "./version-dto";

type Registration = ReturnType<typeof parseRegistration>;

/**
 * Registers a version of a model with its lineage; the number is the one given or the next free one.
 * Idempotent: registering the same version again (same number, or same pipeline run when the number
 * is assigned) with the same content returns it with `created: false`; different content is a CONFLICT.
 */
export async function registerVersion({ ctx, input }: { ctx: Ctx; input: RegisterVersionInput }): Promise<{ created: boolean; version: VersionDto }> {
  requireRole(ctx, "ingest");
  const data = parseRegistration(parseInput(registerVersionSchema, input));
  const model = await findModel(ctx, data.model, "ingest");
  return db().$transaction(async (tx) => {
    // Registrations of one model take turns, so "the next number" is never handed out twice.
    await tx.$queryRaw`SELECT id FROM "Model" WHERE id = ${model.id} FOR NO KEY UPDATE`;
    const existing = await findExisting(tx, model.id, data);
    if (existing) {
      const differences = differencesFrom(existing, data);
      if (differences.length) {
        throw new AppError("CONFLICT", `${model.name} v${existing.version} is already registered with different content.`, differences);
      }
      return { created: false, version: toVersionDto(model.name, existing) };
    }
    const parentVersionId = await parentId(tx, model.id, data);
    const number = data.version ?? (await nextNumber(tx, model.id));
    const created = await tx.modelVersion.create({
      data: {
        modelId: model.id,
        version: number,
        createdAt: ctx.now,
        trainedAt: data.trainedAt ?? ctx.now,
        dataWindowStart: data.dataWindow?.start ?? null,
        dataWindowEnd: data.dataWindow?.end ?? null,
        pipelineRunId: data.pipelineRunId ?? null,
        pipelineRunUrl: data.pipelineRunUrl ?? null,
        codeRevision: data.codeRevision ?? null,
        parentVersionId,
        hyperparameters: data.hyperparameters as Prisma.InputJsonValue,
        artifactUri: data.artifactUri ?? null,
        tags: data.tags,
        createdBy: actorLabel(ctx.actor),
      },
      select: { id: true },
    });
    const [row] = await readVersions(tx, model.id, Prisma.sql`v.id = ${created.id}::int`);
    const dto = toVersionDto(model.name, row!);
    await appendAudit(tx, ctx, {
      action: "version.registered",
      subjectType: "model_version",
      subjectId: created.id,
      shelfId: model.shelfId,
      after: { model: model.name, version: dto.version, trainedAt: dto.trainedAt, parentVersion: dto.parentVersion, pipelineRunId: dto.pipelineRunId, codeRevision: dto.codeRevision },
    });
    return { created: true, version: dto };
  });
}

function parseRegistration(data: ReturnType<typeof registerVersionSchema.parse>) {
  return {
    ...data,
    trainedAt: data.trainedAt ? new Date(data.trainedAt) : null,
    dataWindow: data.dataWindow ? { start: new Date(data.dataWindow.start), end: new Date(data.dataWindow.end) } : null,
  };
}

async function findExisting(tx: Tx, modelId: number, data: Registration): Promise<VersionRow | null> {
  if (data.version !== undefined) return (await readVersions(tx, modelId, Prisma.sql`v."version" = ${data.version}::int`))[0] ?? null;
  if (data.pipelineRunId !== undefined) {
    return (await readVersions(tx, modelId, Prisma.sql`v."pipelineRunId" = ${data.pipelineRunId}`, Prisma.sql`ORDER BY v."version" DESC LIMIT 1`))[0] ?? null;
  }
  return null;
}

async function nextNumber(tx: Tx, modelId: number): Promise<number> {
  const newest = await tx.modelVersion.findFirst({ where: { modelId }, orderBy: { version: "desc" }, select: { version: true } });
  return (newest?.version ?? 0) + 1;
}

async function parentId(tx: Tx, modelId: number, data: Registration): Promise<number | null> {
  if (data.parentVersion === undefined) return null;
  if (data.parentVersion === data.version) throw new AppError("INVALID_REQUEST", "A version cannot be its own parent.", [{ path: "parentVersion", message: "equals version" }]);
  const parent = await tx.modelVersion.findUnique({ where: { modelId_version: { modelId, version: data.parentVersion } }, select: { id: true } });
  if (!parent) throw new AppError("INVALID_REQUEST", `Parent version ${data.parentVersion} does not exist.`, [{ path: "parentVersion", message: "no such version" }]);
  return parent.id;
}

/** Stable JSON: object keys sorted, so stored JSONB (which reorders keys) compares equal to the request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The fields of a replayed registration that differ from what is stored (fields it omits are not compared). */
function differencesFrom(row: VersionRow, data: Registration): FieldError[] {
  const out: FieldError[] = [];
  const differ = (path: string, stored: unknown, sent: unknown) => {
    if (canonical(stored) !== canonical(sent)) out.push({ path, message: `registered as ${canonical(stored)}` });
  };
  if (data.trainedAt) differ("trainedAt", row.trainedAt.toISOString(), data.trainedAt.toISOString());
  if (data.dataWindow) differ("dataWindow", [row.dataWindowStart?.toISOString() ?? null, row.dataWindowEnd?.toISOString() ?? null], [data.dataWindow.start.toISOString(), data.dataWindow.end.toISOString()]);
  if (data.pipelineRunId !== undefined) differ("pipelineRunId", row.pipelineRunId, data.pipelineRunId);
  if (data.pipelineRunUrl !== undefined) differ("pipelineRunUrl", row.pipelineRunUrl, data.pipelineRunUrl);
  if (data.codeRevision !== undefined) differ("codeRevision", row.codeRevision, data.codeRevision);
  if (data.parentVersion !== undefined) differ("parentVersion", row.parentVersion, data.parentVersion);
  if (data.artifactUri !== undefined) differ("artifactUri", row.artifactUri, data.artifactUri);
  differ("hyperparameters", row.hyperparameters, data.hyperparameters);
  differ("tags", row.tags, data.tags);
  return out;
}
