import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { createUserSchema, type CreateUserInput } from "../../schemas/users";
import { appendAudit } from "../audit";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";

export type UserDto = { id: string; email: string; name: string; role: string; leadShelves: string[] };

/** Creates a user who signs in with email and password (admins only). */
export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }): Promise<UserDto> {
  requireRole(ctx, "manageSettings");
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db().$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `A user with email ${data.email} already exists.`, [{ path: "email", message: "already in use" }]);
    const shelves = await tx.shelf.findMany({ where: { slug: { in: data.leadShelves } }, select: { id: true, slug: true } });
    const unknown = data.leadShelves.filter((s) => !shelves.some((x) => x.slug === s));
    if (unknown.length) throw new AppError("INVALID_REQUEST", `Unknown shelf: ${unknown.join(", ")}.`, [{ path: "leadShelves", message: `unknown: ${unknown.join(", ")}` }]);
    const id = randomUUID();
    await tx.user.create({
      data: {
        id,
        email: data.email,
        name: data.name,
        role: data.role,
        emailVerified: true,
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
        leadShelves: { create: shelves.map((s) => ({ shelfId: s.id })) },
      },
      select: { id: true },
    });
    const dto = { id, email: data.email, name: data.name, role: data.role, leadShelves: shelves.map((s) => s.slug) };
    await appendAudit(tx, ctx, { action: "user.created", subjectType: "user", subjectId: id, after: dto });
    return dto;
  });
}
