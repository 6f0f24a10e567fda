import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Ctx } from "../context";
import { db } from "../db";
import { auth } from "./better-auth";

/**
 * The signed-in user's context, read fresh from the database on every request: a role change or a
 * deactivation takes effect at once, whatever the session cookie says. Read once per page render (the
 * layout and the page both ask), through React's request cache.
 */
export const getSessionCtx = cache(readSessionCtx);

async function readSessionCtx(requestHeaders?: Headers): Promise<Ctx | null> {
  const session = await auth().api.getSession({ headers: requestHeaders ?? (await headers()) });
  if (!session) return null;
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, active: true, leadShelves: { select: { shelfId: true } } },
  });
  if (!user || !user.active) return null;
  return {
    actor: {
      kind: "user",
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      leadShelfIds: user.leadShelves.map((l) => l.shelfId),
    },
    now: new Date(),
  };
}

/** The session context, or a redirect to the sign-in page. */
export async function requireSessionCtx(): Promise<Ctx> {
  const ctx = await getSessionCtx();
  if (!ctx) redirect("/sign-in");
  return ctx;
}
