import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from "./retry-schedule";

export type DeliveryOptions = {
  retry?: RetryPolicy;
  /** How long one POST may take. */
  timeoutMs?: number;
  /** How long a claimed attempt keeps others away; a crashed sender's delivery is retried after it. */
  leaseMs?: number;
};

export type DeliveryOutcomeDto = {
  deliveryId: number;
  outcome: "delivered" | "retrying" | "failed" | "cancelled";
  attempts: number;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: string | null;
};

/** The statuses a delivery can be in; "sending" is a claimed attempt in flight. */
export const DELIVERY_STATUSES = ["pending", "sending", "retrying", "delivered", "failed", "cancelled"] as const;

/**
 * Makes one attempt at a due delivery: claims it (so that two workers never post it at once), signs the
 * body with the webhook's secret, POSTs it, and records the status code. A failure is rescheduled with
 * exponential backoff until the policy's horizon, then marked failed. Returns null when the delivery
 * was not due or was claimed by someone else.
 */
export async function deliverWebhook({ ctx, input, options = {} }: { ctx: Ctx; input: { deliveryId: number }; options?: DeliveryOptions }): Promise<DeliveryOutcomeDto | null> {
  requireRole(ctx, "manageSettings");
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const started = new Date();
  const lease = new Date(started.getTime() + (options.leaseMs ?? 120_000));
  const { count } = await db().webhookDelivery.updateMany({
    where: { id: input.deliveryId, status: { in: ["pending", "retrying", "sending"] }, nextAttemptAt: { lte: started } },
    data: { status: "sending", attempts: { increment: 1 }, nextAttemptAt: lease },
  });
  if (count === 0) return null;
  const row = await db().webhookDelivery.findUniqueOrThrow({
    where: { id: input.deliveryId },
    select: { id: true, event: true, payload: true, attempts: true, createdAt: true, webhook: { select: { url: true, secret: true, active: true } } },
  });
  const guard = { id: row.id, status: "sending", attempts: row.attempts };

  if (!row.webhook.active) {
    await db().webhookDelivery.updateMany({ where: guard, data: { status: "cancelled", lastError: "the webhook is disabled" } });
    return { deliveryId: row.id, outcome: "cancelled", attempts: row.attempts, statusCode: null, error: "the webhook is disabled", nextAttemptAt: null };
  }

  const body = JSON.stringify(row.payload);
  const { statusCode, error } = await post(row.webhook.url, body, {
    secret: row.webhook.secret,
    deliveryId: row.id,
    event: row.event,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  const finished = new Date();
  if (error === null) {
    await db().webhookDelivery.updateMany({ where: guard, data: { status: "delivered", lastStatusCode: statusCode, lastError: null, deliveredAt: finished, nextAttemptAt: finished } });
    return { deliveryId: row.id, outcome: "delivered", attempts: row.attempts, statusCode, error: null, nextAttemptAt: null };
  }
  const next = nextAttemptAt(policy, row.attempts, row.createdAt, finished);
  await db().webhookDelivery.updateMany({
    where: guard,
    data: { status: next ? "retrying" : "failed", lastStatusCode: statusCode, lastError: error, nextAttemptAt: next ?? finished },
  });
  return { deliveryId: row.id, outcome: next ? "retrying" : "failed", attempts: row.attempts, statusCode, error, nextAttemptAt: next?.toISOString() ?? null };
}

type PostOptions = { secret: string; deliveryId: number; event: string; timeoutMs: number };

/** One signed POST; any answer but 2xx, a timeout or a connection error is a failure worth retrying. */
async function post(url: string, body: string, o: PostOptions): Promise<{ statusCode: number | null; error: string | null }> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      // A webhook URL is posted to as given: following a redirect could send the event somewhere else.
      redirect: "manual",
      signal: AbortSignal.timeout(o.timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Shelfwatch-Webhooks/1",
        "x-shelfwatch-event": o.event,
        "x-shelfwatch-delivery": String(o.deliveryId),
        "x-shelfwatch-timestamp": String(timestamp),
        [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(o.secret, timestamp, body),
      },
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => {});
      return { statusCode: response.status, error: null };
    }
    const text = (await response.text().catch(() => "")).trim().slice(0, 200);
    return { statusCode: response.status, error: `HTTP ${response.status}${text ? `: ${text}` : ""}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const reason = err.name === "TimeoutError" ? `no answer within ${o.timeoutMs} ms` : err.cause?.code ?? err.cause?.message ?? err.message;
    return { statusCode: null, error: `could not reach the receiver: ${reason}` };
  }
}
