import type { Browser, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { appDatabase } from "../support/app-database";
import { launchBrowser, signIn } from "../support/browser";

const base = inject("appUrl");
const SLUG = "shows-you-might-like";
let browser: Browser;
let database: pg.Client;
let candidate: number;
let reviewerId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  database = await appDatabase(inject("appDataDir"));
  const { rows } = await database.query<{ version: number }>(
    `SELECT v.version FROM "PromotionRequest" p JOIN "ModelVersion" v ON v.id = p."versionId" JOIN "Model" m ON m.id = p."modelId" JOIN "Shelf" s ON s.id = m."shelfId"
     WHERE s.slug = $1 AND p.status = 'pending'`,
    [SLUG],
  );
  candidate = rows[0]!.version;
  reviewerId = (await database.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reviewer@shelfwatch.demo'`)).rows[0]!.id;
});
afterAll(async () => {
  await browser?.close();
  await database?.end();
});

async function verdictCounts(): Promise<Record<string, number>> {
  const { rows } = await database.query<{ verdict: string; n: number }>(
    `SELECT r.verdict, count(*)::int AS n FROM "Review" r JOIN "ModelVersion" v ON v.id = r."versionId" JOIN "Model" m ON m.id = v."modelId" JOIN "Shelf" s ON s.id = m."shelfId"
     WHERE s.slug = $1 AND v.version = $2 GROUP BY r.verdict`,
    [SLUG, candidate],
  );
  return { better: 0, same: 0, worse: 0, ...Object.fromEntries(rows.map((r) => [r.verdict, r.n])) };
}

const listenerId = (page: Page) => page.getByTestId("listener-id").textContent();

describe("the review queue, from the keyboard", () => {
  it("lets a reviewer review five listeners without the mouse, and the version page shows those verdicts", async () => {
    const before = await verdictCounts();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, base, "reviewer@shelfwatch.demo", DEMO_PASSWORD);
    await page.goto(`${base}/review`);
    await page.locator('[data-testid="review-queue"][data-interactive="true"]').waitFor();
    expect(await page.getByTestId("pick-candidate").inputValue()).toBe(`podcast-model@${candidate}`);
    await page.screenshot({ path: "test-results/review-queue.png", fullPage: true });

    const plan: { key: "1" | "2" | "3"; verdict: string }[] = [
      { key: "1", verdict: "better" },
      { key: "3", verdict: "worse" },
      { key: "2", verdict: "same" },
      { key: "3", verdict: "worse" },
      { key: "1", verdict: "better" },
    ];
    const reviewed: { listener: string; verdict: string }[] = [];
    for (const [i, step] of plan.entries()) {
      const id = (await listenerId(page))!;
      if (i === 1) {
        // Flag the second item as repeated and stale, and leave a comment, all from the keyboard.
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("f");
        await page.getByTestId("flag-menu").waitFor();
        await page.keyboard.press("2");
        await page.keyboard.press("4");
        await page.keyboard.press("Escape");
        await page.keyboard.press("c");
        await page.keyboard.type("Lost the shows they play every week");
        await page.keyboard.press("Enter");
        await expect(page.getByTestId("item-flags").first().textContent()).resolves.toBe("repeated, stale");
        await page.screenshot({ path: "test-results/review-flagged.png" });
      }
      await page.keyboard.press(step.key);
      reviewed.push({ listener: id, verdict: step.verdict });
      if (i < plan.length - 1) await page.waitForFunction((previous) => document.querySelector('[data-testid="listener-id"]')?.textContent !== previous, id);
    }
    await page.getByTestId("review-status").getByText(`for ${reviewed[4]!.listener}`).waitFor();
    expect(new Set(reviewed.map((r) => r.listener)).size).toBe(5);
    expect(new URL(page.url()).searchParams.get("listener")).not.toBe(reviewed[0]!.listener);

    const { rows } = await database.query<{ listener: string; verdict: string; comment: string; itemFlags: { flags: string[] }[] }>(
      `SELECT l."externalId" AS listener, r.verdict, r.comment, r."itemFlags" FROM "Review" r JOIN "Listener" l ON l.id = r."listenerId" WHERE r."reviewerId" = $1 AND l."externalId" = ANY($2)`,
      [reviewerId, reviewed.map((r) => r.listener)],
    );
    expect(Object.fromEntries(rows.map((r) => [r.listener, r.verdict]))).toEqual(Object.fromEntries(reviewed.map((r) => [r.listener, r.verdict])));
    const flagged = rows.find((r) => r.listener === reviewed[1]!.listener)!;
    expect(flagged.comment).toBe("Lost the shows they play every week");
    expect(flagged.itemFlags[0]!.flags).toEqual(["repeated", "stale"]);

    const after = await verdictCounts();
    expect(after).toEqual({ better: before.better! + 2, same: before.same! + 1, worse: before.worse! + 2 });
    await page.goto(`${base}/shelves/${SLUG}/versions/${candidate}`);
    const section = page.getByTestId("version-review");
    await section.getByTestId("chart-verdicts").waitFor();
    const total = after.better! + after.same! + after.worse!;
    await expect(section.getByTestId("review-total").textContent()).resolves.toBe(String(total));
    await expect(section.getByTestId("review-verdict-counts").textContent()).resolves.toBe(`better ${after.better}, same ${after.same}, worse ${after.worse}`);
    await expect(section.getByTestId("review-worse-share").textContent()).resolves.toBe(`${Math.round((after.worse! / total) * 100)}%`);
    await expect(section.getByTestId("flagged-items").textContent()).resolves.toMatch(/Repeated.*Stale/);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/review-version-section.png", fullPage: true });

    // A link of the biggest changes opens the queue at that listener, ordered by change.
    const link = section.getByTestId("biggest-changes").getByRole("link").first();
    const target = await link.textContent();
    await link.click();
    await page.waitForURL(/\/review\?/);
    await page.locator('[data-testid="review-queue"][data-interactive="true"]').waitFor();
    await expect(listenerId(page)).resolves.toBe(target);
    expect(await page.getByTestId("filter-sort").inputValue()).toBe("change");
    await context.close();

    // Leave the shared demo as it was for the other browser tests.
    await database.query(`DELETE FROM "Review" r USING "Listener" l WHERE l.id = r."listenerId" AND r."reviewerId" = $1 AND l."externalId" = ANY($2)`, [reviewerId, reviewed.map((r) => r.listener)]);
  });

  it("lets a viewer look at the queue but not give a verdict", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, "viewer@shelfwatch.demo", DEMO_PASSWORD);
    await page.goto(`${base}/review`);
    await page.locator('[data-testid="review-queue"][data-interactive="true"]').waitFor();
    const first = await listenerId(page);
    await expect(page.getByTestId("verdict-better").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("review-status").textContent()).resolves.toMatch(/reviewers, leads and admins give verdicts/);
    await page.keyboard.press("j");
    await page.waitForFunction((previous) => document.querySelector('[data-testid="listener-id"]')?.textContent !== previous, first);
    await page.keyboard.press("?");
    await page.getByRole("dialog").getByText("Keyboard").waitFor();
    await page.screenshot({ path: "test-results/review-keys.png" });
    await context.close();
  });
});
