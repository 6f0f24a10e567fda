import { defineConfig } from "prisma/config";

// The CLI's connection (for `prisma migrate status` on machines that have Prisma's engines); the app
// itself connects through lib/server/db.ts and applies migrations with lib/migrate.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/shelfwatch" },
});
