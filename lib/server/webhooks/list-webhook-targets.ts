import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

/** What a webhook can be limited to: the shelves, and the teams that own them. */
export async function listWebhookTargets({ ctx }: { ctx: Ctx }): Promise<{ shelves: { slug: string; title: string; team: string }[]; teams: string[] }> {
  requireRole(ctx, "manageSettings");
  const shelves = await db().shelf.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { slug: true, title: true, team: true } });
  return { shelves, teams: [...new Set(shelves.map((s) => s.team))].sort() };
}
