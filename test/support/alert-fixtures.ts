import { randomUUID } from "node:crypto";
import type { Ctx } from "../../lib/server/context";
import { db } from "../../lib/server/db";

let n = 0;

/** A shelf with its model (and optionally versions registered `daysAgo` days before now). */
export async function shelfWithModel(options: { team?: string; versionsDaysAgo?: number[]; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const slug = `shelf-${++n}-${randomUUID().slice(0, 6)}`;
  const shelf = await db().shelf.create({ data: { slug, title: `Shelf ${n}`, team: options.team ?? "Team A" }, select: { id: true, slug: true, title: true } });
  const model = await db().model.create({ data: { name: `${slug}-model`, shelfId: shelf.id, createdAt: new Date(now.getTime() - 400 * 86_400_000) }, select: { id: true, name: true } });
  const versions = [];
  for (const [i, days] of (options.versionsDaysAgo ?? []).entries()) {
    const at = new Date(now.getTime() - days * 86_400_000);
    versions.push(await db().modelVersion.create({ data: { modelId: model.id, version: i + 1, trainedAt: at, createdAt: at }, select: { id: true, version: true } }));
  }
  return { shelf, model, versions };
}

/** A real user of a role, and the context the data layer gets for them. */
export async function userCtx(role: "viewer" | "engineer" | "reviewer" | "lead" | "admin", now = new Date()): Promise<Ctx> {
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@example.com`;
  await db().user.create({ data: { id, email, name: `${role} ${id.slice(0, 4)}`, role } });
  return { actor: { kind: "user", id, email, name: role, role, leadShelfIds: [] }, now };
}
