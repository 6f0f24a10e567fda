import type { Browser, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { PLANTED_NEW_VALUE, PLANTED_SKEW } from "../../prisma/seed/validation";
import { appDatabase } from "../support/app-database";
import { launchBrowser, signIn } from "../support/browser";

// The path an engineer who has never seen the demo takes to the planted skew: the red card on Home,
// the heat map whose red row starts on the first day, that day's report, the overlaid histograms.

const base = inject("appUrl");
let browser: Browser;
let database: pg.Client;
let anchor: Date;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (n: number) => isoDay(new Date(anchor.getTime() - n * 86_400_000));
const shortDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

beforeAll(async () => {
  browser = await launchBrowser();
  database = await appDatabase(inject("appDataDir"));
  // The day the demo was anchored on, as the seed recorded it: the plants are counted back from it.
  const { rows } = await database.query<{ day: string }>(`SELECT "after"->>'anchorDay' AS day FROM "AuditEvent" WHERE action = 'demo.seeded'`);
  anchor = new Date(`${rows[0].day}T00:00:00Z`);
});
afterAll(async () => {
  await browser?.close();
  await database?.end();
});

async function engineerPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, base, "engineer@shelfwatch.demo", DEMO_PASSWORD);
  return page;
}

describe("finding the planted skew", () => {
  it("goes from the red Home card to the heat map, the first day's report and the skewed feature's histograms", async () => {
    const skewDay = daysBefore(PLANTED_SKEW.daysBeforeNow);
    const page = await engineerPage();
    const card = page.getByTestId(`shelf-card-${PLANTED_SKEW.shelfSlug}`);
    const badge = card.getByTestId("validation-badge-skew");
    await expect(badge.textContent()).resolves.toContain(`since ${shortDate(skewDay)}: ${PLANTED_SKEW.feature}`);
    // The other shelves are green: no false alarm.
    for (const slug of ["shortcuts", "try-something-else"]) {
      await expect(page.getByTestId(`shelf-card-${slug}`).getByTestId("validation-badge-skew").textContent()).resolves.toBe("skew: ok");
      await expect(page.getByTestId(`shelf-card-${slug}`).getByTestId("validation-badge-drift").textContent()).resolves.toBe("drift: ok");
    }
    await page.screenshot({ path: "test-results/validation-home.png", fullPage: true });

    await badge.click();
    await page.waitForURL(`${base}/shelves/${PLANTED_SKEW.shelfSlug}/validation`);
    const heatmap = page.getByTestId("validation-heatmap");
    await heatmap.waitFor();
    await expect(page.getByTestId("since-skew").textContent()).resolves.toBe(shortDate(skewDay));
    // The heat map's first row is the skewed feature; its ringed first red cell is the first day.
    const firstRow = heatmap.locator('[data-row="0"]');
    await expect(firstRow.getAttribute("data-testid")).resolves.toBe(`heatmap-row-${PLANTED_SKEW.feature}`);
    await expect(firstRow.locator("div").count()).resolves.toBe(31); // the label and 30 days
    const ringed = firstRow.locator("[data-first]");
    await ringed.hover();
    await expect(page.getByTestId("heatmap-info").textContent()).resolves.toMatch(new RegExp(`^${PLANTED_SKEW.feature} · ${skewDay}: .*anomaly$`));
    await page.screenshot({ path: "test-results/validation-heatmap.png", fullPage: true });

    await ringed.click();
    await page.waitForURL(/\/validation\/\d+\?feature=podcast_minutes_28d$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(`Skew on ${shortDate(skewDay)}`);
    const detail = page.getByTestId("feature-detail");
    await detail.getByText("anomaly", { exact: true }).waitFor();
    await detail.getByTestId("moved-most").waitFor();
    await page.locator("[data-testid=chart-histogram-drift] .recharts-bar-rectangle").first().waitFor();
    await page.locator("[data-testid=chart-feature-history] .recharts-surface").first().waitFor();
    // The skewed feature heads the table, red, with its comparator and threshold beside the distance.
    const top = page.getByTestId("report-features").locator("tbody tr").first();
    await expect(top.getAttribute("data-feature")).resolves.toBe(PLANTED_SKEW.feature);
    await expect(top.textContent()).resolves.toMatch(/Jensen-Shannon.*0\.100.*anomaly/);
    // The day before is clean: the report of the previous day has no anomaly.
    await expect(page.getByTestId("report-previous").textContent()).resolves.toContain(daysBefore(PLANTED_SKEW.daysBeforeNow + 1));
    await page.waitForTimeout(300);
    await page.screenshot({ path: "test-results/validation-report.png", fullPage: true });

    await page.getByTestId("report-previous").click();
    await page.getByTestId("report-summary").getByText("no anomaly").waitFor();
    await page.context().close();
  });

  it("shows the new categorical value side by side from its first day", async () => {
    const newDay = daysBefore(PLANTED_NEW_VALUE.daysBeforeNow);
    const { rows } = await database.query<{ id: number }>(
      `SELECT r.id FROM "ValidationReport" r JOIN "Model" m ON m.id = r."modelId" WHERE m.name = $1 AND r.kind = 'skew' AND r.day = $2`,
      [PLANTED_NEW_VALUE.modelName, newDay],
    );
    const page = await engineerPage();
    await page.goto(`${base}/shelves/${PLANTED_NEW_VALUE.shelfSlug}/validation/${rows[0].id}?feature=${PLANTED_NEW_VALUE.feature}`);
    await page.getByTestId("schema-anomalies").getByText(PLANTED_NEW_VALUE.value, { exact: false }).waitFor();
    const newRow = page.getByTestId("top-values").locator("tr", { hasText: PLANTED_NEW_VALUE.value });
    await expect(newRow.textContent()).resolves.toMatch(/new0%1\d\.\d%/);
    await page.locator("[data-testid=chart-top-values-drift] .recharts-bar-rectangle").first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: "test-results/validation-new-value.png", fullPage: true });
    await page.context().close();
  });

  it("opens the report an alert links to (?report=)", async () => {
    const { rows } = await database.query<{ id: number }>(`SELECT r.id FROM "ValidationReport" r JOIN "Model" m ON m.id = r."modelId" WHERE m.name = $1 ORDER BY r.id DESC LIMIT 1`, [PLANTED_SKEW.modelName]);
    const page = await engineerPage();
    await page.goto(`${base}/shelves/${PLANTED_SKEW.shelfSlug}/validation?report=${rows[0].id}`);
    await page.waitForURL(new RegExp(`/validation/${rows[0].id}$`));
    await page.getByTestId("report-features").waitFor();
    await page.context().close();
  });
});

describe("editing thresholds", () => {
  it("lets an engineer raise a threshold in Settings and recomputes the reports, then restores it", async () => {
    const page = await engineerPage();
    const save = async (value: string) => {
      await page.goto(`${base}/settings`);
      const form = page.getByTestId(`threshold-${PLANTED_NEW_VALUE.feature}`).first();
      await form.locator('input[name="skewThreshold"]').fill(value);
      await form.getByRole("button", { name: "Save" }).click();
      await form.getByRole("status").waitFor();
      return form.getByRole("status").textContent();
    };
    await expect(save("0.5")).resolves.toMatch(/Saved; 230 reports recomputed/);
    await page.screenshot({ path: "test-results/validation-thresholds.png", fullPage: false });
    await page.goto(`${base}/`);
    // device_type's new value still shows as a schema change, but no longer as a distance above threshold.
    await expect(page.getByTestId(`shelf-card-${PLANTED_SKEW.shelfSlug}`).getByTestId("validation-badge-skew").textContent()).resolves.toMatch(/podcast_minutes_28d$/);
    await expect(save("0.1")).resolves.toMatch(/Saved; 230 reports recomputed/);
    await page.goto(`${base}/`);
    await expect(page.getByTestId(`shelf-card-${PLANTED_SKEW.shelfSlug}`).getByTestId("validation-badge-skew").textContent()).resolves.toMatch(/podcast_minutes_28d \+1$/);
    await page.context().close();
  });
});
