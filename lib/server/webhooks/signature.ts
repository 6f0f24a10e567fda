import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Shelfwatch-Signature";
/** Receivers should refuse a signature older than this (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new signing secret: 32 random bytes, prefixed so that it is recognisable in a secret store. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** HMAC-SHA256 (hex) of `<timestamp>.<body>` with the webhook's secret. */
export function signBody(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The signature header value: `t=<unix seconds>,v1=<hex>` (the scheme Stripe made familiar). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signBody(secret, timestamp, body)}`;
}

/** What a receiver does: parse the header, recompute, compare in constant time, check the age. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  const parts = new Map(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1");
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, t, body), "hex");
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}
