import type { Browser } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { appDatabase } from "../support/app-database";
import { launchBrowser, signIn } from "../support/browser";

const base = inject("appUrl");
const MODEL = "exploration-model";
const LISTENER = "zz-hostile-listener";
const SCRIPT_TITLE = `<script>window.__pwned = "script"</script>Totally normal podcast`;
const ONERROR_TITLE = `<img src=x onerror="window.__pwned = 'onerror'">Episode with an attribute`;
const CREATOR = `"><svg onload="window.__pwned = 'svg'">`;
const ITEMS = [
  { uri: "podcast:zz-hostile-1", type: "podcast", title: SCRIPT_TITLE, creator: CREATOR, imageUrl: "javascript:window.__pwned='href'" },
  { uri: "episode:zz-hostile-2", type: "episode", title: ONERROR_TITLE, creator: "Mallory", imageUrl: "data:image/svg+xml,<svg onload=alert(1)>" },
  { uri: "album:zz-hostile-3", type: "album", title: "Plain album", creator: "Trent", imageUrl: "http://insecure.example/cover.jpg" },
];

let browser: Browser;
let database: pg.Client;
let candidate: number;
let production: number;

beforeAll(async () => {
  browser = await launchBrowser();
  database = await appDatabase(inject("appDataDir"));
  const { rows } = await database.query<{ newest: number; production: number }>(
    `SELECT max(v.version)::int AS newest, (SELECT pv.version FROM "ModelAlias" a JOIN "ModelVersion" pv ON pv.id = a."versionId" WHERE a."modelId" = m.id AND a.alias = 'production') AS production
     FROM "Model" m JOIN "ModelVersion" v ON v."modelId" = m.id WHERE m.name = $1 GROUP BY m.id`,
    [MODEL],
  );
  candidate = rows[0]!.newest;
  production = rows[0]!.production;
});
afterAll(async () => {
  // Leave the shared demo as it was: the hostile listener, its samples, reviews and items go.
  await database?.query(`DELETE FROM "Listener" WHERE "externalId" = $1`, [LISTENER]);
  await database?.query(`DELETE FROM "Item" WHERE uri = ANY($1)`, [ITEMS.map((i) => i.uri)]);
  await browser?.close();
  await database?.end();
});

describe("ingested strings in the review queue", () => {
  it("shows titles carrying <script> or onerror as text, runs nothing, and shows only https: covers", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, base, "engineer@shelfwatch.demo", DEMO_PASSWORD);
    // The pipeline's path: an engineer's session may ingest, like an ingest token.
    for (const [version, order] of [[candidate, [0, 1, 2]], [production, [2, 1]]] as const) {
      const res = await page.request.post(`${base}/api/v1/models/${MODEL}/versions/${version}/samples`, {
        data: {
          catalog: ITEMS,
          samples: [{ listener: { id: LISTENER, country: "<b>X</b>", topGenres: ["<i>jazz</i>"], recentListens: ["podcast:zz-hostile-1"] }, items: order.map((index, i) => ({ uri: ITEMS[index]!.uri, rank: i + 1, score: 0.9 - i / 10, reason: `<u>${index}</u>` })) }],
        },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    await context.close();

    const reviewerContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page2 = await reviewerContext.newPage();
    page2.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page2, base, "reviewer@shelfwatch.demo", DEMO_PASSWORD);
    await page2.goto(`${base}/review?model=${MODEL}&candidate=${candidate}&listener=${LISTENER}`);
    await page2.locator('[data-testid="review-queue"][data-interactive="true"]').waitFor();
    await expect(page2.getByTestId("listener-id").textContent()).resolves.toBe(LISTENER);

    const titles = await page2.getByTestId("candidate-list").getByTestId("item-title").allTextContents();
    expect(titles).toEqual([SCRIPT_TITLE, ONERROR_TITLE, "Plain album"]);
    await expect(page2.getByText(CREATOR, { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await page2.locator("main script, main svg[onload], main img[onerror], main img[src^='javascript'], main img[src^='data'], main img[src^='http:']").count()).toBe(0);
    expect(await page2.getByTestId("candidate-list").getByTestId("cover-placeholder").count()).toBe(3);
    const pwned = () => page2.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
    expect(await pwned()).toBeUndefined();

    // Focus the hostile item, flag it, and give a verdict: it now shows on the version page too.
    await page2.keyboard.press("f");
    await page2.keyboard.press("1");
    await page2.keyboard.press("Escape");
    await page2.keyboard.press("3");
    await page2.getByTestId("review-status").getByText(`for ${LISTENER}`).waitFor();
    await page2.screenshot({ path: "test-results/review-hostile.png", fullPage: true });

    await page2.goto(`${base}/shelves/try-something-else/versions/${candidate}`);
    await page2.getByTestId("flagged-items").getByText(SCRIPT_TITLE).waitFor();
    await page2.waitForTimeout(300);
    expect(await pwned()).toBeUndefined();
    expect(dialogs).toEqual([]);
    await reviewerContext.close();
  });
});
