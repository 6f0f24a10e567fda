import "server-only";

export type RetryPolicy = {
  /** Delay after the first failed attempt; each later one doubles it. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** A delivery is given up once this long has passed since the event. */
  giveUpAfterMs: number;
};

const MINUTE = 60_000;

/** 30 s, 1 min, 2 min … capped at 4 h, for up to a day: about 14 attempts before giving up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 240 * MINUTE, giveUpAfterMs: 24 * 60 * MINUTE };

/**
 * When to try again after `attempts` failed attempts of a delivery created at `createdAt`, or null
 * when the next attempt would fall past the give-up horizon.
 */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, createdAt: Date, now: Date): Date | null {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const next = new Date(now.getTime() + delay);
  return next.getTime() - createdAt.getTime() > policy.giveUpAfterMs ? null : next;
}
