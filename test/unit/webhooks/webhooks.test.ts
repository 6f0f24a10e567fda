import { describe, expect, it } from "vitest";
import { buildPayload } from "../../../lib/server/webhooks/payload";
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from "../../../lib/server/webhooks/retry-schedule";
import { signatureHeader, signBody, verifySignature } from "../../../lib/server/webhooks/signature";
import { describeSchemaAnomaly } from "../../../lib/server/alerts/schema-anomaly-text";

describe("signatures", () => {
  const secret = "whsec_test";
  const body = '{"text":"hello"}';

  it("is HMAC-SHA256 over timestamp.body, hex (a known vector)", () => {
    // echo -n '1700000000.{"text":"hello"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signBody(secret, 1_700_000_000, body)).toBe("4de4482f0d79eb97df8f0e9ece4238de4e613a5ad29c846b70bc7dd6e1389e80");
    expect(signatureHeader(secret, 1_700_000_000, body)).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it("verifies a fresh signature and refuses a tampered body, another secret, or an old timestamp", () => {
    const header = signatureHeader(secret, 1_700_000_000, body);
    expect(verifySignature(secret, header, body, 1_700_000_100)).toBe(true);
    expect(verifySignature(secret, header, body.replace("hello", "hellO"), 1_700_000_100)).toBe(false);
    expect(verifySignature("whsec_other", header, body, 1_700_000_100)).toBe(false);
    expect(verifySignature(secret, header, body, 1_700_000_000 + 301)).toBe(false);
    expect(verifySignature(secret, "v1=abc", body, 1_700_000_000)).toBe(false);
  });
});

describe("the retry schedule", () => {
  const created = new Date("2026-01-01T00:00:00Z");

  it("doubles the wait from 30 s, capped at 4 hours", () => {
    const waits = [1, 2, 3, 4, 10, 12].map((n) => nextAttemptAt(DEFAULT_RETRY_POLICY, n, created, created)!.getTime() - created.getTime());
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 14_400_000, 14_400_000]);
  });

  it("gives up once the next attempt would fall more than a day after the event", () => {
    let now = created;
    let attempts = 0;
    for (;;) {
      const next = nextAttemptAt(DEFAULT_RETRY_POLICY, ++attempts, created, now);
      if (!next) break;
      now = next;
    }
    expect(attempts).toBeGreaterThan(10);
    expect(now.getTime() - created.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(now.getTime() - created.getTime()).toBeGreaterThan(20 * 3_600_000);
  });
});

describe("the payload", () => {
  it("carries a text line with a link for chat and the structured event for programs", () => {
    const p = buildPayload(
      { kind: "skew", type: "alert.raised", shelfId: 1, summary: "Skew on podcast-model", path: "/shelves/x/validation", occurredAt: new Date("2026-01-01T00:00:00Z"), data: { alert: { id: 3 } } },
      { slug: "x", title: "Shows you might like", team: "Podcasts" },
      "https://shelfwatch.example.com/",
      "evt-1",
    );
    expect(p.text).toBe("🔴 [Shelfwatch] Shows you might like: Skew on podcast-model\nhttps://shelfwatch.example.com/shelves/x/validation");
    expect(p.event).toMatchObject({ id: "evt-1", type: "alert.raised", kind: "skew", link: "https://shelfwatch.example.com/shelves/x/validation", alert: { id: 3 }, shelf: { slug: "x" } });
  });

  it("describes schema anomalies in words", () => {
    expect(describeSchemaAnomaly({ kind: "new_values", feature: "device_type", values: [{ value: "car_display", share: 0.15 }] })).toBe("device_type has new values (car_display 15%)");
    expect(describeSchemaAnomaly({ kind: "missing_fraction_jump", feature: "age", baseline: 0.01, target: 0.2 })).toBe("age is missing more often (1.0% → 20%)");
    expect(describeSchemaAnomaly({ kind: "type_changed", feature: "x", baselineType: "numeric", targetType: "categorical" })).toBe("x changed type (numeric → categorical)");
  });
});
