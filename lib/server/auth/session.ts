import "server-only";
import { createHash } from "node:crypto";
import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { RoleName } from "../../auth/permissions";
import type { Ctx } from "../context";
import { db } from "../db";
import { auth } from "./better-auth";

/**
 * The signed-in user's context, read fresh from the database on every request: a role change, a
 * deactivation, a sign-out or a revoked session takes effect at once, whatever the cookie says. Read once
 * per page render (the layout and the page both ask), through React's request cache.
 */
export async function getSessionCtx(requestHeaders?: Headers): Promise<Ctx | null> {
  // React's cache keys on the arguments as passed: no argument and `undefined` are two entries.
  return (await (requestHeaders ? readSession(requestHeaders) : readSession()))?.ctx ?? null;
}

/**
 * How many alerts are open, for the navigation's badge: read by the same query as the session, so that
 * every page shows it without a query of its own. Zero when no one is signed in.
 */
export async function getOpenAlertCount(): Promise<number> {
  return (await readSession())?.openAlerts ?? 0;
}

// better-auth checks a session cookie's signature and refreshes the session's expiry (once a day of use).
// A cookie it accepted is remembered here, by a hash of its value, for a few minutes: in between, one query
// reads the session row, the user's role and their shelves, instead of better-auth's reads and ours.
const RECHECK_MS = 5 * 60_000;
const REMEMBERED = 10_000;
const accepted = new Map<string, { token: string; at: number }>();

type UserRow = { id: string; email: string; name: string; role: RoleName; active: boolean; leadShelfIds: number[]; openAlerts: number };

// Once per request (React's request cache), whoever asks first: the layout, the page or the badge.
const readSession = cache(async (requestHeaders?: Headers): Promise<{ ctx: Ctx; openAlerts: number } | null> => {
  const h = requestHeaders ?? (await headers());
  const cookie = getSessionCookie(h);
  if (!cookie) return null;
  const key = createHash("sha256").update(cookie).digest("base64url");
  const now = Date.now();
  let token = accepted.get(key);
  if (!token || now - token.at > RECHECK_MS) {
    accepted.delete(key);
    const session = await auth().api.getSession({ headers: h });
    if (!session) return null;
    token = { token: session.session.token, at: now };
    accepted.set(key, token);
    if (accepted.size > REMEMBERED) accepted.delete(accepted.keys().next().value!);
  }
  const [user] = await db().$queryRaw<UserRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.active,
      coalesce((SELECT array_agg(l."shelfId" ORDER BY l."shelfId") FROM "LeadShelf" l WHERE l."userId" = u.id), '{}') AS "leadShelfIds",
      (SELECT count(*)::int FROM "Alert" a WHERE a.status = 'open') AS "openAlerts"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.token = ${token.token} AND s."expiresAt" > now()`;
  if (!user) {
    accepted.delete(key);
    return null;
  }
  if (!user.active) return null;
  return {
    ctx: { actor: { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role, leadShelfIds: user.leadShelfIds }, now: new Date() },
    openAlerts: user.openAlerts,
  };
});

/** The session context, or a redirect to the sign-in page. */
export async function requireSessionCtx(): Promise<Ctx> {
  const ctx = await getSessionCtx();
  if (!ctx) redirect("/sign-in");
  return ctx;
}
