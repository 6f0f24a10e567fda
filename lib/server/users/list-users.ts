import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

export type UserRowDto = { id: string; email: string; name: string; role: string; active: boolean; leadShelves: string[]; createdAt: string };

/** Every user with role and the shelves a lead is limited to (admins only). */
export async function listUsers({ ctx }: { ctx: Ctx }): Promise<UserRowDto[]> {
  requireRole(ctx, "manageSettings");
  const rows = await db().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true, leadShelves: { select: { shelf: { select: { slug: true } } } } },
  });
  return rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString(), leadShelves: u.leadShelves.map((l) => l.shelf.slug) }));
}
