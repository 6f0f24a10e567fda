import "server-only";
import type { WebhookEventKind } from "../../schemas/webhooks";

export type WebhookEventType = "alert.raised" | "alert.resolved" | "deployment" | "test";

/** What happened, as the code that noticed it describes it; the payload adds the text and the link. */
export type WebhookEvent = {
  kind: WebhookEventKind | "test";
  type: WebhookEventType;
  shelfId: number | null;
  /** One line for people: "Skew on podcast-model: podcast_minutes_28d 0.31 > 0.10". */
  summary: string;
  /** The dashboard page with the evidence, relative ("/shelves/x/validation"). */
  path: string;
  occurredAt: Date;
  /** Structured facts merged into `event` (alert, deployment, model…). */
  data: Record<string, unknown>;
};

export type ShelfRef = { slug: string; title: string; team: string } | null;

/**
 * The JSON body posted to a webhook. Slack and Teams incoming webhooks read `text` (a plain URL in it
 * becomes a link in both) and ignore the rest; programs read `event`.
 */
export type WebhookPayload = {
  text: string;
  event: { id: string; type: WebhookEventType; kind: string; occurredAt: string; summary: string; link: string; shelf: ShelfRef } & Record<string, unknown>;
};

const ICON: Record<string, string> = {
  skew: "🔴",
  drift: "🟠",
  schema: "🟠",
  evaluation_regression: "📉",
  missed_retrain: "⏰",
  gate_failure: "⛔",
  deployment: "🚀",
  alert_resolved: "✅",
  test: "🔔",
};

/** Builds the payload of one event for every webhook it goes to (the same body, signed per webhook). */
export function buildPayload(event: WebhookEvent, shelf: ShelfRef, baseUrl: string, id: string): WebhookPayload {
  const link = `${baseUrl.replace(/\/+$/, "")}${event.path.startsWith("/") ? event.path : `/${event.path}`}`;
  const where = shelf ? `${shelf.title}: ` : "";
  return {
    text: `${ICON[event.kind] ?? "•"} [Shelfwatch] ${where}${event.summary}\n${link}`,
    event: {
      ...event.data,
      id,
      type: event.type,
      kind: event.kind,
      occurredAt: event.occurredAt.toISOString(),
      summary: event.summary,
      link,
      shelf,
    },
  };
}
