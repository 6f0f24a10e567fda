import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { appDatabase } from "../support/app-database";
import { launchBrowser, signIn } from "../support/browser";

// The registry as a viewer sees it: Home → a shelf (summary, metric by version, online metrics, the
// versions table) → switch the metric → sort → open a version → compare it with another one.

const base = inject("appUrl");
const SLUG = "shows-you-might-like";
const SCRATCH = "e2e-registry-shelf";
let browser: Browser;
let context: BrowserContext;
let page: Page;
let database: pg.Client;
let demo: { production: number; candidate: number; modelId: number };

async function score(version: number, metric: string, dataset = ""): Promise<number> {
  const { rows } = await database.query<{ value: number }>(
    `SELECT e.value FROM "Evaluation" e JOIN "ModelVersion" v ON v.id = e."versionId" WHERE v."modelId" = $1 AND v.version = $2 AND e.metric = $3 AND e.dataset = $4`,
    [demo.modelId, version, metric, dataset],
  );
  return rows[0]!.value;
}

const shot = (name: string) => page.screenshot({ path: `test-results/registry-${name}.png`, fullPage: true });

beforeAll(async () => {
  browser = await launchBrowser();
  database = await appDatabase(inject("appDataDir"));
  const { rows } = await database.query<{ production: number; candidate: number; modelId: number }>(`
    SELECT m.id AS "modelId", p.version AS production, (SELECT max(version) FROM "ModelVersion" WHERE "modelId" = m.id) AS candidate
    FROM "Shelf" s JOIN "Model" m ON m."shelfId" = s.id JOIN "ModelAlias" a ON a."modelId" = m.id AND a.alias = 'production'
    JOIN "ModelVersion" p ON p.id = a."versionId" WHERE s.slug = $1`, [SLUG]);
  demo = rows[0]!;
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  await signIn(page, base, "viewer@shelfwatch.demo", DEMO_PASSWORD);
});

afterAll(async () => {
  await database?.query(`DELETE FROM "Model" WHERE name = $1`, [`${SCRATCH}-model`]).catch(() => {});
  await database?.query(`DELETE FROM "Shelf" WHERE slug = $1`, [SCRATCH]).catch(() => {});
  await context?.close();
  await browser?.close();
  await database?.end();
});

describe("the shelf page", () => {
  it("opens from Home and answers what is in production and whether the candidate is better", async () => {
    await page.getByTestId(`shelf-card-${SLUG}`).getByRole("link", { name: "Shows you might like" }).click();
    await page.waitForURL(`${base}/shelves/${SLUG}`);
    // The URL changes first, then the page replaces its loading skeleton.
    await page.getByTestId("summary-production").waitFor();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Home" }).count()).resolves.toBe(1);
    await expect(page.getByTestId("summary-production").textContent()).resolves.toContain(`v${demo.production}`);
    await expect(page.getByTestId("summary-production").textContent()).resolves.toMatch(/since \d+ \w+ \d{4}/);
    await expect(page.getByTestId("summary-candidate").textContent()).resolves.toContain(`v${demo.candidate}`);
    const candidate = await score(demo.candidate, "ndcg@10");
    await expect(page.getByTestId("summary-verdict").textContent()).resolves.toContain(candidate.toFixed(3));
    await page.getByTestId("chart-metric").locator("svg.recharts-surface").first().waitFor();
    await page.getByTestId("chart-online").locator("svg.recharts-surface").first().waitFor();
    // The gate threshold is drawn as a reference line.
    await expect(page.getByTestId("chart-metric").getByText(/^threshold 0\.300$/).count()).resolves.toBe(1);
    const rows = page.getByTestId("versions-table").locator("tbody tr");
    await expect(rows.count()).resolves.toBe(25);
    await expect(rows.first().textContent()).resolves.toContain(`v${demo.candidate}`);
    await expect(rows.first().textContent()).resolves.toContain("candidate");
    await expect(page.getByTestId("versions-table").getByText("production", { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByTestId("versions-range").textContent()).resolves.toContain("of 52 versions");
    await shot("shelf");
  });

  it("switches the charted metric through the URL", async () => {
    await page.getByTestId("metric-picker").selectOption("popularity_bias");
    await page.waitForURL(/metric=popularity_bias/);
    await page.getByRole("heading", { name: "popularity_bias by version" }).waitFor();
    // Only the gate's primary metric has a threshold line.
    await expect(page.getByTestId("chart-metric").getByText(/^threshold/).count()).resolves.toBe(0);
    await page.getByTestId("online-picker").selectOption("impressions");
    await page.waitForURL(/online=impressions/);
    expect(new URL(page.url()).searchParams.get("metric")).toBe("popularity_bias");
    await expect.poll(() => page.getByTestId("chart-online").getAttribute("aria-label")).toMatch(/^impressions per day/);
    await shot("shelf-metric");
    await page.reload();
    await expect(page.getByTestId("metric-picker").inputValue()).resolves.toBe("popularity_bias");
  });

  it("sorts the versions by the primary metric on the server and pages", async () => {
    await page.getByTestId("versions-table").getByRole("link", { name: "ndcg@10" }).click();
    await page.waitForURL(/sort=metric/);
    const { rows } = await database.query<{ version: number }>(
      `SELECT v.version FROM "ModelVersion" v JOIN "Evaluation" e ON e."versionId" = v.id AND e.metric = 'ndcg@10' AND e.dataset = ''
       WHERE v."modelId" = $1 ORDER BY e.value DESC, v.version DESC LIMIT 1`, [demo.modelId]);
    const firstVersion = () => page.getByTestId("versions-table").locator("tbody tr").first().locator("td").first().textContent();
    await expect.poll(firstVersion).toBe(`v${rows[0]!.version}`);
    await expect.poll(() => page.getByTestId("versions-table").locator("thead th[aria-sort=descending]").textContent()).toContain("ndcg@10");
    await page.getByRole("navigation", { name: "Versions pages" }).getByRole("link", { name: "Last" }).click();
    await page.waitForURL(/page=3/);
    await expect.poll(() => page.getByTestId("versions-table").locator("tbody tr").count()).toBe(2);
  });
});

describe("the version page", () => {
  it("opens from the shelf with lineage, parameters and every score beside production's", async () => {
    await page.goto(`${base}/shelves/${SLUG}`);
    await page.getByTestId("versions-table").getByRole("link", { name: `v${demo.candidate}`, exact: true }).click();
    await page.waitForURL(`${base}/shelves/${SLUG}/versions/${demo.candidate}`);
    await page.getByTestId("score-table").waitFor();
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link", { name: "Shows you might like" }).count()).resolves.toBe(1);
    await expect(page.getByTestId("lineage").getByRole("link", { name: `v${demo.candidate - 1}` }).count()).resolves.toBe(1);
    await expect(page.getByTestId("pipeline-run-link").getAttribute("href")).resolves.toMatch(/^https:\/\//);
    await expect(page.getByTestId("hyperparameters").textContent()).resolves.toContain("learning_rate");
    const table = page.getByTestId("score-table");
    await expect(table.locator("thead").textContent()).resolves.toContain(`v${demo.production} (production)`);
    const primary = table.locator('tr[data-metric="ndcg@10"][data-dataset=""]');
    const [mine, theirs] = [await score(demo.candidate, "ndcg@10"), await score(demo.production, "ndcg@10")];
    await expect(primary.textContent()).resolves.toContain(mine.toFixed(3));
    await expect(primary.textContent()).resolves.toContain(theirs.toFixed(3));
    const verdict = mine > theirs ? "better" : mine < theirs ? "worse" : "same";
    await expect(primary.locator("[data-verdict]").getAttribute("data-verdict")).resolves.toBe(verdict);
    // popularity_bias: lower is better, so a fall is green.
    const [bias, biasProd] = [await score(demo.candidate, "popularity_bias"), await score(demo.production, "popularity_bias")];
    const biasVerdict = bias < biasProd ? "better" : bias > biasProd ? "worse" : "same";
    await expect(table.locator('tr[data-metric="popularity_bias"] [data-verdict]').getAttribute("data-verdict")).resolves.toBe(biasVerdict);
    await shot("version");
  });

  it("compares with another version chosen in the picker or typed, kept in the URL", async () => {
    const other = demo.candidate - 3;
    await page.getByTestId("compare-picker").selectOption(String(other));
    await page.waitForURL(new RegExp(`compare=${other}`));
    const table = page.getByTestId("score-table");
    await expect.poll(() => table.locator("thead").textContent()).toContain(`v${other} (chosen)`);
    await expect(table.locator('tr[data-metric="ndcg@10"][data-dataset=""]').textContent()).resolves.toContain((await score(other, "ndcg@10")).toFixed(3));
    await shot("version-compare");
    await page.getByTestId("compare-input").fill("7");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/compare=7/);
    await expect.poll(() => table.locator("thead").textContent()).toContain("v7 (chosen)");
    await page.goto(`${base}/shelves/${SLUG}/versions/${demo.candidate}?compare=999`);
    await expect(page.getByRole("status").textContent()).resolves.toContain("has no version 999");
  });

  it("shows the not-found page for a version or shelf that does not exist", async () => {
    // The page streams behind its loading skeleton, so the miss arrives as the not-found page itself.
    for (const path of [`/shelves/${SLUG}/versions/9999`, `/shelves/${SLUG}/versions/abc`, "/shelves/no-such-shelf"]) {
      await page.goto(`${base}${path}`);
      await page.getByRole("heading", { name: "Not found" }).waitFor();
    }
  });

  it("renders a pipeline run URL that is not https as text, never as a link", async () => {
    const { rows } = await database.query<{ id: number }>(`INSERT INTO "Shelf" (slug, title, team) VALUES ($1, 'Scratch shelf', 'e2e') RETURNING id`, [SCRATCH]);
    const model = await database.query<{ id: number }>(`INSERT INTO "Model" (name, "shelfId") VALUES ($1, $2) RETURNING id`, [`${SCRATCH}-model`, rows[0]!.id]);
    await database.query(
      `INSERT INTO "ModelVersion" ("modelId", version, "trainedAt", "pipelineRunId", "pipelineRunUrl", tags) VALUES ($1, 1, now(), 'run-1', 'javascript:alert(document.cookie)', '{"note":"<b>bold</b>"}')`,
      [model.rows[0]!.id],
    );
    await page.goto(`${base}/shelves/${SCRATCH}/versions/1`);
    // The page streams in after its shell: wait for the lineage before asserting what it lacks.
    await page.getByTestId("pipeline-run-text").waitFor();
    await expect(page.getByTestId("pipeline-run-link").count()).resolves.toBe(0);
    await expect(page.getByTestId("pipeline-run-text").textContent()).resolves.toContain("javascript:alert(document.cookie)");
    await expect(page.getByTestId("tags").textContent()).resolves.toContain("<b>bold</b>");
    await page.goto(`${base}/shelves/${SCRATCH}`);
    await page.getByTestId("versions-table").locator("tbody tr").first().waitFor();
    await expect(page.getByTestId("versions-table").locator("tbody tr").count()).resolves.toBe(1);
    await shot("scratch-shelf");
  });
});
