import "server-only";
import { setUserRoleSchema } from "../../schemas/users";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";

/** Changes a user's role (and a lead's shelves) with its before/after in the audit log (admins only). */
export async function setUserRole({ ctx, input }: { ctx: Ctx; input: { userId: string; role: string; leadShelves?: string[] } }) {
  requireRole(ctx, "manageSettings");
  const data = parseInput(setUserRoleSchema, input);
  if (ctx.actor.kind === "user" && ctx.actor.id === data.userId && data.role !== "admin") {
    throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.");
  }
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: data.userId }, select: { role: true, leadShelves: { select: { shelf: { select: { slug: true } } } } } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    const shelves = await tx.shelf.findMany({ where: { slug: { in: data.leadShelves } }, select: { id: true, slug: true } });
    if (shelves.length !== data.leadShelves.length) throw new AppError("INVALID_REQUEST", "Unknown shelf.", [{ path: "leadShelves", message: "unknown shelf" }]);
    await tx.user.update({ where: { id: data.userId }, data: { role: data.role }, select: { id: true } });
    await tx.leadShelf.deleteMany({ where: { userId: data.userId } });
    if (data.role === "lead" && shelves.length) await tx.leadShelf.createMany({ data: shelves.map((s) => ({ userId: data.userId, shelfId: s.id })) });
    const after = { role: data.role, leadShelves: data.role === "lead" ? shelves.map((s) => s.slug) : [] };
    await appendAudit(tx, ctx, {
      action: "user.role_changed",
      subjectType: "user",
      subjectId: data.userId,
      before: { role: before.role, leadShelves: before.leadShelves.map((l) => l.shelf.slug) },
      after,
    });
    return { id: data.userId, ...after };
  });
}
