import "server-only";
import { isAllowed, type Permission, type Principal, type RoleName, type TokenScope } from "../auth/permissions";
import { AppError } from "./errors";

/** Who is acting, passed to every lib/server function. */
export type Actor =
  | { kind: "user"; id: string; email: string; name: string; role: RoleName; leadShelfIds: number[] }
  | { kind: "token"; id: number; name: string; scopes: TokenScope[] }
  | { kind: "system"; name: string };

export type Ctx = { actor: Actor; now: Date };

/** A short label for logs and audit rows: the user's email or the token's name. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "token") return `token:${actor.name}`;
  return `system:${actor.name}`;
}

function principalOf(actor: Actor): Principal | null {
  if (actor.kind === "user") return { kind: "user", role: actor.role, leadShelfIds: actor.leadShelfIds };
  if (actor.kind === "token") return { kind: "token", scopes: actor.scopes };
  return null;
}

/**
 * Throws FORBIDDEN unless the actor holds the permission (on that shelf, for shelf-limited leads).
 * System actors (the scheduler, the seed) are trusted code paths and always pass.
 */
export function requireRole(ctx: Ctx, permission: Permission, options: { shelfId?: number } = {}): void {
  const principal = principalOf(ctx.actor);
  if (principal === null) return;
  if (!isAllowed(principal, permission, options.shelfId)) {
    throw new AppError("FORBIDDEN", `${actorLabel(ctx.actor)} may not ${permission.replace(/([A-Z])/g, " $1").toLowerCase()}.`);
  }
}

/** A system context for scheduled work and the CLI. */
export function systemCtx(name: string, now = new Date()): Ctx {
  return { actor: { kind: "system", name }, now };
}
