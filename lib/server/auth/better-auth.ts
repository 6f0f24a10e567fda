import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { env } from "../../env";
import { db } from "../db";

function createAuth() {
  const e = env();
  const baseURL = e.publicUrl ?? `http://localhost:${e.port}`;
  return betterAuth({
    appName: "Shelfwatch",
    baseURL,
    // Same app reached as localhost or 127.0.0.1 (the demo) must pass the origin check either way.
    trustedOrigins: [baseURL, `http://localhost:${e.port}`, `http://127.0.0.1:${e.port}`],
    secret: e.authSecret,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    // Accounts are created by admins (settings, or `shelfwatch user create`), never by self sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: { additionalFields: { role: { type: "string", input: false, defaultValue: "viewer" } } },
    rateLimit: { enabled: e.nodeEnv === "production" && !e.demo, window: 60, max: 30 },
    plugins: [nextCookies()],
  });
}

let instance: ReturnType<typeof createAuth> | undefined;

/** The better-auth instance (sessions in Postgres through Prisma). */
export function auth() {
  instance ??= createAuth();
  return instance;
}
