import "server-only";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";

export type DeliveryDto = {
  id: number;
  webhookId: number;
  event: string;
  summary: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

export type WebhookDto = {
  id: number;
  name: string;
  url: string;
  shelf: { slug: string; title: string } | null;
  team: string | null;
  events: string[];
  active: boolean;
  createdAt: string;
  createdBy: string;
  deliveries: DeliveryDto[];
};

/** Every webhook with its latest deliveries (the delivery log of settings); never the secret. */
export async function listWebhooks({ ctx, input = {} }: { ctx: Ctx; input?: { deliveries?: number } }): Promise<WebhookDto[]> {
  requireRole(ctx, "manageSettings");
  const take = Math.min(Math.max(input.deliveries ?? 10, 0), 100);
  const rows = await db().webhook.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      url: true,
      team: true,
      events: true,
      active: true,
      createdAt: true,
      createdBy: true,
      shelf: { select: { slug: true, title: true } },
      deliveries: { orderBy: { id: "desc" }, take, select: DELIVERY_SELECT },
    },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), deliveries: r.deliveries.map(toDeliveryDto) }));
}

export const DELIVERY_SELECT = {
  id: true,
  webhookId: true,
  event: true,
  payload: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  createdAt: true,
  nextAttemptAt: true,
  deliveredAt: true,
} as const;

type DeliveryRow = {
  id: number;
  webhookId: number;
  event: string;
  payload: unknown;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
};

/** A delivery for the log: the payload reduced to its one-line summary. */
export function toDeliveryDto(d: DeliveryRow): DeliveryDto {
  const event = (d.payload as { event?: { summary?: unknown } } | null)?.event;
  const waiting = d.status === "pending" || d.status === "retrying" || d.status === "sending";
  return {
    id: d.id,
    webhookId: d.webhookId,
    event: d.event,
    summary: typeof event?.summary === "string" ? event.summary : d.event,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: waiting ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}
