import { createHash } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { RoleName } from "../../lib/auth/permissions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../lib/demo-accounts";
import type { SeedDb } from "./batch";

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];
export type SeededUser = { id: string; email: string; name: string; role: RoleName };

/** A stable UUID-shaped id from a label, so that two seeds of the demo give the same ids. */
export function stableId(label: string): string {
  const h = createHash("sha256").update(label).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Creates one user per demo account, shaped as create-user.ts makes them: a credential account whose
 * accountId is the user id, the password hashed by better-auth, and LeadShelf rows for shelf-limited
 * leads (shelves that do not exist yet are skipped, so tests may seed users first).
 */
export async function seedDemoUsers(
  db: SeedDb,
  options: { accounts?: readonly DemoAccount[]; password?: string; now?: Date } = {},
): Promise<{ users: SeededUser[]; byEmail: Record<string, string> }> {
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  const now = options.now ?? new Date();
  // Each hash has its own salt; scrypt is slow on purpose, so hash them concurrently.
  const hashes = await Promise.all(accounts.map(() => hashPassword(options.password ?? DEMO_PASSWORD)));
  const users = accounts.map((a) => ({ id: stableId(`user:${a.email}`), email: a.email, name: a.name, role: a.role }));
  await db.user.createMany({ data: users.map((u) => ({ ...u, emailVerified: true, createdAt: now, updatedAt: now })) });
  await db.account.createMany({
    data: users.map((u, i) => ({ id: stableId(`account:${u.email}`), accountId: u.id, providerId: "credential", userId: u.id, password: hashes[i], createdAt: now, updatedAt: now })),
  });
  const slugs = [...new Set(accounts.flatMap((a) => a.leadShelves))];
  const shelves = slugs.length ? await db.shelf.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }) : [];
  const leadShelves = accounts.flatMap((a, i) =>
    a.leadShelves.flatMap((slug) => shelves.filter((s) => s.slug === slug).map((s) => ({ userId: users[i].id, shelfId: s.id }))),
  );
  if (leadShelves.length) await db.leadShelf.createMany({ data: leadShelves });
  return { users, byEmail: Object.fromEntries(users.map((u) => [u.email, u.id])) };
}

/** The demo account with a given role (the first, when several share it). */
export function demoAccount(role: RoleName): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account has the role ${role}.`);
  return account;
}
