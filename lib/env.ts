import path from "node:path";
import { z } from "zod";

/**
 * The one validated view of the environment. Everything else imports `env` (or calls `readEnv` with an
 * explicit record in tests) instead of reading process.env.
 */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  SHELFWATCH_DATA_DIR: z.string().min(1).default(".shelfwatch"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  SHELFWATCH_PUBLIC_URL: z.string().url().optional(),
  SHELFWATCH_AUTH_SECRET: z.string().min(32).optional(),
  SHELFWATCH_DEMO: z.enum(["0", "1"]).default("0"),
  SHELFWATCH_MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
  SHELFWATCH_DIST_DIR: z.string().min(1).default(".next"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string | undefined;
  publicUrl: string | undefined;
  authSecret: string | undefined;
  demo: boolean;
  maxBodyBytes: number;
  distDir: string;
  nodeEnv: "development" | "production" | "test";
};

/** Parses an environment record; throws a message naming every variable at fault. */
export function readEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SHELFWATCH_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.SHELFWATCH_PUBLIC_URL,
    authSecret: e.SHELFWATCH_AUTH_SECRET,
    demo: e.SHELFWATCH_DEMO === "1",
    maxBodyBytes: e.SHELFWATCH_MAX_BODY_BYTES,
    distDir: e.SHELFWATCH_DIST_DIR,
    nodeEnv: e.NODE_ENV,
  };
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}
