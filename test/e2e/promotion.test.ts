import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { appDatabase } from "../support/app-database";
import { launchBrowser, signIn } from "../support/browser";

// The demo's pending promotion (shows-you-might-like): an engineer cannot approve it, not even with a
// forged call to the server action; a lead approves it and Home shows the new production version.
// The file then restores the demo's state: the lead rolls back, the engineer asks for the candidate again.

const base = inject("appUrl");
const SLUG = "shows-you-might-like";
let browser: Browser;
let database: pg.Client;
let demo: { requestId: number; candidate: number; production: number };

async function as(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, base, email, DEMO_PASSWORD);
  return { context, page };
}

async function production(): Promise<number> {
  const { rows } = await database.query<{ version: number }>(`
    SELECT v.version FROM "ModelAlias" a JOIN "ModelVersion" v ON v.id = a."versionId"
    JOIN "Model" m ON m.id = a."modelId" JOIN "Shelf" s ON s.id = m."shelfId"
    WHERE s.slug = $1 AND a.alias = 'production'`, [SLUG]);
  return rows[0].version;
}

beforeAll(async () => {
  browser = await launchBrowser();
  database = await appDatabase(inject("appDataDir"));
  const { rows } = await database.query<{ requestId: number; candidate: number; production: number }>(`
    SELECT r.id AS "requestId", v.version AS candidate, p.version AS production FROM "PromotionRequest" r
    JOIN "ModelVersion" v ON v.id = r."versionId" JOIN "ModelVersion" p ON p.id = r."expectedProductionVersionId"
    JOIN "Model" m ON m.id = r."modelId" JOIN "Shelf" s ON s.id = m."shelfId"
    WHERE s.slug = $1 AND r.status = 'pending'`, [SLUG]);
  expect(rows).toHaveLength(1);
  demo = rows[0];
});

afterAll(async () => {
  await browser?.close();
  await database?.end();
});

describe("the demo's pending promotion", () => {
  let forged: { url: string; headers: Record<string, string>; body: Buffer } | null = null;

  it("shows the lead every check and the version it displaces; the confirm dialog names it", async () => {
    const { context, page } = await as("lead@shelfwatch.demo");
    await page.goto(`${base}/promotions`);
    await page.getByTestId(`pending-request-${demo.requestId}`).waitFor();
    await page.screenshot({ path: "test-results/promotions.png", fullPage: true });
    await page.getByRole("link", { name: /Open the evidence and decide/ }).click();
    await page.waitForURL(`${base}/promotions/${demo.requestId}`);
    await page.getByTestId("check-primary_threshold").waitFor();
    for (const id of ["primary_threshold", "regression_vs_production", "skew", "reviews_count", "worse_share"]) {
      await expect(page.getByTestId(`check-${id}`).count()).resolves.toBe(1);
    }
    await page.getByRole("button", { name: `Approve v${demo.candidate}…` }).click();
    await expect(page.getByTestId("displaces").textContent()).resolves.toContain(`displaces v${demo.production}`);
    await page.screenshot({ path: "test-results/promotion-approve-dialog.png", fullPage: true });

    // Capture the action call the form makes (and stop it), to replay it later with another person's cookie.
    await page.route(`${base}/promotions/**`, async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        forged = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
        await route.abort();
      } else await route.continue();
    });
    await fillOverrides(page);
    await page.getByRole("button", { name: /^Approve and replace/ }).click();
    await expect.poll(() => forged !== null).toBe(true);
    expect(await production()).toBe(demo.production);
    await context.close();
  });

  it("gives an engineer no approve button, and refuses the engineer's forged call to the approve action", async () => {
    const { context, page } = await as("engineer@shelfwatch.demo");
    await page.goto(`${base}/promotions/${demo.requestId}`);
    await expect(page.getByTestId("decide-note").textContent()).resolves.toMatch(/Only a lead of this shelf/);
    await expect(page.getByRole("button", { name: /Approve/ }).count()).resolves.toBe(0);
    await page.screenshot({ path: "test-results/promotion-engineer.png", fullPage: true });

    expect(forged).not.toBeNull();
    const { cookie: _leadCookie, ...headers } = forged!.headers;
    const response = await context.request.post(forged!.url, { headers, data: forged!.body });
    const text = await response.text();
    expect(text).toMatch(/may not approve promotion/);
    expect(await production()).toBe(demo.production);
    const { rows } = await database.query(`SELECT count(*)::int AS n FROM "Approval" WHERE "requestId" = $1`, [demo.requestId]);
    expect(rows[0].n).toBe(0);
    await context.close();
  });

  it("lets the lead approve it, overriding the checks that do not pass, and Home then shows the new production version", async () => {
    const { context, page } = await as("lead@shelfwatch.demo");
    await expect(page.getByTestId(`shelf-card-${SLUG}`).getByTestId("production-version").textContent()).resolves.toContain(`v${demo.production}`);
    await page.goto(`${base}/promotions/${demo.requestId}`);
    await page.getByRole("button", { name: `Approve v${demo.candidate}…` }).click();
    await fillOverrides(page);
    await page.getByRole("textbox", { name: /Comment/ }).fill("Approved for the demo.");
    await page.getByRole("button", { name: /^Approve and replace/ }).click();
    // The page re-renders from the server with the request closed.
    await expect.poll(() => page.getByTestId("request-status").textContent(), { timeout: 20_000 }).toMatch(new RegExp(`deployed\\s*v${demo.candidate} replaced v${demo.production}`));
    await page.screenshot({ path: "test-results/promotion-approved.png", fullPage: true });
    expect(await production()).toBe(demo.candidate);

    await page.goto(`${base}/`);
    const card = page.getByTestId(`shelf-card-${SLUG}`);
    await expect(card.getByTestId("production-version").textContent()).resolves.toContain(`v${demo.candidate}`);
    await page.screenshot({ path: "test-results/home-after-approval.png", fullPage: true });
    await context.close();
  });

  it("shows the deployment on the shelf, answers 'production on a date', and restores the demo by a rollback and a new request", async () => {
    const { context, page } = await as("lead@shelfwatch.demo");
    await page.goto(`${base}/shelves/${SLUG}?productionAt=${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)}`);
    const section = page.getByTestId("shelf-deployments");
    await section.waitFor();
    await expect(section.textContent()).resolves.toContain(`v${demo.production} → v${demo.candidate}`);
    await expect.poll(() => page.getByTestId("production-at-answer").textContent(), { timeout: 20_000 }).toMatch(/v\d+ was live on/);
    await section.getByRole("button", { name: "Roll back…" }).click();
    await expect(page.getByTestId("rollback-displaces").textContent()).resolves.toMatch(new RegExp(`displaces v${demo.candidate}.*with v${demo.production}`));
    await page.screenshot({ path: "test-results/shelf-deployments.png", fullPage: true });
    await page.getByRole("textbox", { name: "Reason" }).fill("Restoring the demo's production version.");
    await page.getByRole("button", { name: `Replace v${demo.candidate} with v${demo.production}` }).click();
    await expect.poll(production, { timeout: 20_000 }).toBe(demo.production);
    await context.close();

    const engineer = await as("engineer@shelfwatch.demo");
    await engineer.page.goto(`${base}/shelves/${SLUG}/versions/${demo.candidate}`);
    const promo = engineer.page.getByTestId("version-promotion");
    await expect(promo.textContent()).resolves.toMatch(/Rolled back on/);
    await promo.getByRole("button", { name: `Request promotion of v${demo.candidate}…` }).click();
    await engineer.page.getByRole("textbox", { name: "Why should it go live?" }).fill("Weekly retrain: asking again after the demo's rollback.");
    await engineer.page.getByRole("button", { name: "Request promotion", exact: true }).click();
    await expect.poll(() => promo.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`promotion pending\\s*Request #\\d+ by engineer@shelfwatch\\.demo, to replace v${demo.production}`));
    await engineer.page.screenshot({ path: "test-results/version-promotion.png", fullPage: true });
    const { rows } = await database.query(`SELECT count(*)::int AS n FROM "PromotionRequest" r JOIN "Model" m ON m.id = r."modelId" JOIN "Shelf" s ON s.id = m."shelfId" WHERE s.slug = $1 AND r.status = 'pending'`, [SLUG]);
    expect(rows[0].n).toBe(1);
    await engineer.context.close();
  });
});

describe("the audit log", () => {
  it("lists the approval with its actor, filters by action in the URL, and an admin verifies the chain", async () => {
    const { context, page } = await as("admin@shelfwatch.demo");
    await page.goto(`${base}/audit?action=promotion.approved`);
    // The table streams in after the page's shell: wait for its first matching cell.
    await page.getByRole("cell", { name: /lead@shelfwatch\.demo/ }).first().waitFor();
    await page.goto(`${base}/audit`);
    await page.getByRole("combobox", { name: "Action" }).selectOption("deployment.");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=deployment\./);
    // A row of the filtered table (the filter's own <option> carries the same words).
    await page.getByRole("cell", { name: /deployment\.rolled_back/ }).first().waitFor();
    await page.getByRole("button", { name: "Verify chain" }).click();
    await expect(page.getByTestId("chain-verdict").textContent()).resolves.toMatch(/Chain intact: [\d,]+ events verified/);
    await page.screenshot({ path: "test-results/audit.png", fullPage: true });
    await context.close();
  });

  it("offers no verify button to a lead", async () => {
    const { context, page } = await as("lead@shelfwatch.demo");
    await page.goto(`${base}/audit`);
    // Wait for the log itself before asserting the button is absent.
    await page.getByRole("cell").first().waitFor();
    await expect(page.getByRole("button", { name: "Verify chain" }).count()).resolves.toBe(0);
    await context.close();
  });
});

/** Ticks every override the dialog asks for and gives the reason. */
async function fillOverrides(page: Page) {
  const boxes = page.locator('dialog[open] input[name="overrides"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  if ((await boxes.count()) > 0) await page.locator('dialog[open] textarea[name="overrideReason"]').fill("Demo: the reviews are still coming in; samples checked by hand.");
}
