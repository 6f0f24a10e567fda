import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/demo-accounts";
import { ROUTES } from "../../lib/openapi/routes";
import { verifySignature } from "../../lib/server/webhooks/signature";
import { launchBrowser, signIn } from "../support/browser";
import { startReceiver } from "../support/webhook-receiver";

// Alerts, webhooks and the API reference in the running demo: the planted skew is in the inbox, a
// webhook added in Settings gets a signed test message and then a real alert, and /api-docs documents
// every route with a client to download.
const base = inject("appUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, base, email, DEMO_PASSWORD);
  return page;
}

describe("the API reference", () => {
  it("documents every route, with a quick start and the Python client to download", async () => {
    const page = await pageAs("viewer@shelfwatch.demo");
    await page.goto(`${base}/api-docs`);
    // The page streams in after its shell.
    await page.getByRole("heading", { name: "Quick start: a pipeline step in Python" }).waitFor();
    await expect(page.getByRole("heading", { name: "Quick start: a pipeline step in Python" }).count()).resolves.toBe(1);
    for (const route of ROUTES) await expect(page.locator(`section#${route.operationId}`).count(), route.operationId).resolves.toBe(1);
    await page.screenshot({ path: "test-results/api-docs.png" });
    await page.locator("#promoteVersion").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/api-docs-promote.png" });
    const href = await page.getByTestId("download-client").getAttribute("href");
    const client = await page.request.get(`${base}${href}`);
    expect(client.status()).toBe(200);
    expect(await client.text()).toContain("class Shelfwatch:");
    const doc = await page.request.get(`${base}/api/v1/openapi.json`);
    expect((await doc.json()).openapi).toBe("3.1.0");
    await page.context().close();
  });
});

describe("the alerts inbox", () => {
  it("shows the demo's planted skew with its feature, filtered by kind in the URL, and counts open alerts in the navigation", async () => {
    const page = await pageAs("engineer@shelfwatch.demo");
    await page.goto(`${base}/alerts`);
    const skew = page.locator("li[data-testid^=alert-]", { hasText: "Skew on podcast-model" });
    await skew.first().waitFor();
    await expect(skew.count()).resolves.toBe(1);
    await expect(skew.textContent()).resolves.toContain("podcast_minutes_28d");
    const badge = await page.getByTestId("nav-open-alerts").textContent();
    expect(Number(badge)).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: "test-results/alerts.png", fullPage: true });

    await page.getByTestId("kind-skew").click();
    await page.waitForURL(/kind=skew/);
    // The filtered list replaces the whole one as it arrives.
    await expect.poll(() => page.locator("li[data-testid^=alert-]").count(), { timeout: 15_000 }).toBe(1);
    await page.goto(`${base}/alerts?status=resolved&kind=gate_failure`);
    await page.getByText("No alerts match these filters").waitFor();
    await page.context().close();
  });

  it("lets a viewer read alerts but not act on them", async () => {
    const page = await pageAs("viewer@shelfwatch.demo");
    await page.goto(`${base}/alerts`);
    await page.locator("li[data-testid^=alert-]").first().waitFor();
    await expect(page.getByRole("button", { name: "Resolve" }).count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe("webhooks", () => {
  it("are added in Settings, get a signed test, then an alert within a minute, and show it in the delivery log", async () => {
    const receiver = await startReceiver([200]);
    const admin = await pageAs("admin@shelfwatch.demo");
    await admin.goto(`${base}/settings`);
    const form = admin.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("Name").fill("e2e-chat");
    await form.getByLabel("URL").fill(receiver.url);
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await admin.getByTestId("new-webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    const row = admin.getByTestId("webhook-e2e-chat");
    await row.getByRole("button", { name: "Send test" }).click();
    // Other events (a deployment made by another test, say) may reach the new webhook first: find the test.
    const isTest = (r: { body: string }) => JSON.parse(r.body).event?.type === "test";
    await expect.poll(() => receiver.received.some(isTest), { timeout: 20_000 }).toBe(true);
    const test = receiver.received.find(isTest)!;
    expect(verifySignature(secret, String(test.headers["x-shelfwatch-signature"]), test.body, Math.floor(Date.now() / 1000))).toBe(true);
    // Every delivery is signed with the webhook's secret, whatever its event.
    for (const r of receiver.received) expect(verifySignature(secret, String(r.headers["x-shelfwatch-signature"]), r.body, Math.floor(r.at / 1000))).toBe(true);
    await expect.poll(async () => (await row.locator("[data-testid^=delivery-]").first().textContent()) ?? "", { timeout: 20_000 }).toMatch(/delivered.*200/);
    await admin.getByTestId("webhooks-panel").screenshot({ path: "test-results/settings-webhooks.png" });

    // Resolving the regression alert by hand while its condition still holds: the checks raise it anew
    // within seconds, and the new alert is posted to the webhook.
    const engineer = await pageAs("engineer@shelfwatch.demo");
    await engineer.goto(`${base}/alerts?kind=evaluation_regression`);
    const testId = (await engineer.locator("li[data-testid^=alert-]").first().getAttribute("data-testid"))!;
    await engineer.getByTestId(testId).getByRole("button", { name: "Resolve" }).click();
    // Resolved, it leaves the list of active alerts.
    await expect.poll(() => engineer.getByTestId(testId).count(), { timeout: 20_000 }).toBe(0);
    const resolvedAt = Date.now();
    // Here too, other events may reach the webhook in between: find ours.
    const isRegression = (r: { body: string }) => {
      const e = JSON.parse(r.body).event;
      return e?.type === "alert.raised" && e?.kind === "evaluation_regression" && e?.alert?.subject === "exploration-model";
    };
    await expect.poll(() => receiver.received.some(isRegression), { timeout: 60_000 }).toBe(true);
    const delivery = receiver.received.find(isRegression)!;
    const raised = JSON.parse(delivery.body);
    expect(raised.event).toMatchObject({ type: "alert.raised", kind: "evaluation_regression", alert: { subject: "exploration-model" } });
    expect(raised.text).toMatch(/exploration-model v\d+ regresses on ndcg@10/);
    expect(delivery.at - resolvedAt).toBeLessThan(60_000);
    await engineer.goto(`${base}/alerts?status=all&kind=evaluation_regression`);
    await engineer.screenshot({ path: "test-results/alerts-regression-history.png", fullPage: true });
    await engineer.context().close();

    // Leave the demo as it was: the webhook goes.
    admin.on("dialog", (d) => void d.accept());
    await admin.goto(`${base}/settings`);
    await admin.getByTestId("webhook-e2e-chat").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => admin.getByTestId("webhook-e2e-chat").count()).toBe(0);
    await admin.context().close();
    await receiver.close();
  }, 240_000);
});
