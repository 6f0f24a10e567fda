import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../lib/demo-accounts";
import { appDatabase } from "../support/app-database";
import { launchBrowser, signIn } from "../support/browser";

const base = inject("appUrl");
let browser: Browser;
let database: pg.Client;

beforeAll(async () => {
  browser = await launchBrowser();
  database = await appDatabase(inject("appDataDir"));
});
afterAll(async () => {
  await browser?.close();
  await database?.end();
});

describe("signing in and Home", () => {
  it("lists the demo accounts on the sign-in page", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    for (const a of DEMO_ACCOUNTS) await page.getByText(a.email, { exact: true }).waitFor();
    await page.close();
  });

  it("refuses a wrong password with a clear message", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill("admin@shelfwatch.demo");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(/do not match an active account/).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/settings`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`signs in as the demo ${account.role} ${account.email}, sees the three shelves, and signs out`, async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await signIn(page, base, account.email, DEMO_PASSWORD);
      await expect(page.getByTestId("current-user").textContent()).resolves.toContain(account.role);
      for (const slug of ["shows-you-might-like", "shortcuts", "try-something-else"]) {
        await page.getByTestId(`shelf-card-${slug}`).waitFor();
      }
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${base}/sign-in`);
      await page.goto(`${base}/`);
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      await context.close();
    });
  }

  it("shows each shelf's seeded production version and candidate score on Home", async () => {
    const { rows } = await database.query<{ slug: string; production: number; candidate: number; score: number }>(`
      SELECT s.slug, pv.version AS production, cv.version AS candidate, e.value AS score
      FROM "Shelf" s JOIN "Model" m ON m."shelfId" = s.id
      JOIN "ModelAlias" a ON a."modelId" = m.id AND a.alias = 'production'
      JOIN "ModelVersion" pv ON pv.id = a."versionId"
      JOIN LATERAL (SELECT * FROM "ModelVersion" v WHERE v."modelId" = m.id ORDER BY v.version DESC LIMIT 1) cv ON true
      JOIN "GatePolicy" g ON g."modelId" = m.id
      JOIN "Evaluation" e ON e."versionId" = cv.id AND e.metric = g."primaryMetric" AND e.dataset = ''`);
    expect(rows).toHaveLength(3);
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, base, "viewer@shelfwatch.demo", DEMO_PASSWORD);
    await page.screenshot({ path: "test-results/home.png", fullPage: true });
    for (const r of rows) {
      const card = page.getByTestId(`shelf-card-${r.slug}`);
      await expect(card.getByTestId("production-version").textContent()).resolves.toContain(`v${r.production}`);
      await expect(card.getByTestId("candidate-score").textContent()).resolves.toContain(r.score.toFixed(3));
    }
    await context.close();
  });

  it("lets the CLI create a user in the running app's database, who can then sign in", async () => {
    const run = promisify(execFile);
    const env: NodeJS.ProcessEnv = { ...process.env, SHELFWATCH_DATA_DIR: inject("appDataDir") };
    delete env.DATABASE_URL;
    const { stdout } = await run(process.execPath, ["lib/cli/bin.mjs", "user", "create", "--email", "first-admin@example.com", "--role", "admin"], { env });
    const password = /Password: (\S+)/.exec(stdout)?.[1];
    expect(password).toBeTruthy();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, "first-admin@example.com", password!);
    await expect(page.getByTestId("current-user").textContent()).resolves.toContain("admin");
    await context.close();
  });
});
