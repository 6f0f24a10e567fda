import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ROLES, type RoleName } from "../../lib/auth/permissions";
import type { Ctx } from "../../lib/server/context";
import { systemCtx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { listShelfCards } from "../../lib/server/shelves/list-shelf-cards";
import { createToken } from "../../lib/server/tokens/create-token";
import { listTokens } from "../../lib/server/tokens/list-tokens";
import { revokeToken } from "../../lib/server/tokens/revoke-token";
import { createUser } from "../../lib/server/users/create-user";
import { listUsers } from "../../lib/server/users/list-users";
import { setUserRole } from "../../lib/server/users/set-user-role";

async function ctxFor(role: RoleName): Promise<Ctx> {
  const user = await createUser({ ctx: systemCtx("test"), input: { email: `${role}-${randomUUID()}@example.com`, name: role, role, password: "password-123" } });
  return { actor: { kind: "user", id: user.id, email: user.email, name: user.name, role, leadShelfIds: [] }, now: new Date() };
}

// Each foundation action, tried as each role: admins manage, everyone reads.
const ADMIN_ACTIONS: Record<string, (ctx: Ctx) => Promise<unknown>> = {
  createUser: (ctx) => createUser({ ctx, input: { email: `u-${randomUUID()}@example.com`, name: "U", role: "viewer", password: "password-123" } }),
  listUsers: (ctx) => listUsers({ ctx }),
  setUserRole: async (ctx) => {
    const target = await createUser({ ctx: systemCtx("test"), input: { email: `t-${randomUUID()}@example.com`, name: "T", role: "viewer", password: "password-123" } });
    return setUserRole({ ctx, input: { userId: target.id, role: "engineer" } });
  },
  createToken: (ctx) => createToken({ ctx, input: { name: "x", scopes: ["read"] } }),
  listTokens: (ctx) => listTokens({ ctx }),
  revokeToken: async (ctx) => {
    const t = await createToken({ ctx: systemCtx("test"), input: { name: "r", scopes: ["read"] } });
    return revokeToken({ ctx, input: { id: t.id } });
  },
};

describe("each role's access to the foundation's actions", () => {
  for (const role of ROLES) {
    for (const [name, action] of Object.entries(ADMIN_ACTIONS)) {
      const allowed = role === "admin";
      it(`${role} ${allowed ? "may" : "may not"} ${name}`, async () => {
        const ctx = await ctxFor(role);
        if (allowed) await expect(action(ctx)).resolves.toBeDefined();
        else await expect(action(ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
      });
    }
    it(`${role} may read Home`, async () => {
      await expect(listShelfCards({ ctx: await ctxFor(role) })).resolves.toBeInstanceOf(Array);
    });
  }

  it("a token with every scope still may not manage users or tokens", async () => {
    const created = await createToken({ ctx: systemCtx("test"), input: { name: "all", scopes: ["ingest", "gate", "read"] } });
    const ctx: Ctx = { actor: { kind: "token", id: created.id, name: "all", scopes: ["ingest", "gate", "read"] }, now: new Date() };
    await expect(createToken({ ctx, input: { name: "escalate", scopes: ["read"] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsers({ ctx })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("writes an audit row with each user and token change, in the same transaction", async () => {
    const admin = await ctxFor("admin");
    const before = await db().auditEvent.count();
    const t = await createToken({ ctx: admin, input: { name: "audited", scopes: ["read"] } });
    await revokeToken({ ctx: admin, input: { id: t.id } });
    const events = await db().auditEvent.findMany({ orderBy: { id: "desc" }, take: 2, select: { action: true, actorLabel: true } });
    expect(events.map((e) => e.action)).toEqual(["token.revoked", "token.created"]);
    expect(events[0].actorLabel).toBe(admin.actor.kind === "user" ? admin.actor.email : "");
    expect(await db().auditEvent.count()).toBe(before + 2);
  });

  it("refuses a second revocation of the same token with a conflict", async () => {
    const admin = await ctxFor("admin");
    const t = await createToken({ ctx: admin, input: { name: "twice", scopes: ["read"] } });
    await revokeToken({ ctx: admin, input: { id: t.id } });
    await expect(revokeToken({ ctx: admin, input: { id: t.id } })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
