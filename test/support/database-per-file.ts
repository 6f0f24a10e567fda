import { afterAll, inject } from "vitest";
import { createClient, setDb } from "../../lib/server/db";
import { createTestDatabase } from "./test-database";

// Every integration test file gets its own migrated database, so files run in parallel without sharing
// rows, and `db()` in the data layer points at it.
const url = await createTestDatabase(inject("databaseAdminUrl"));
process.env.DATABASE_URL = url;
process.env.SHELFWATCH_AUTH_SECRET ??= "integration-tests-secret-of-at-least-32-chars";
const client = createClient(url, 5);
setDb(client);

afterAll(async () => {
  await client.$disconnect();
});
