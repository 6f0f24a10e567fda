import { z } from "zod";
import { ALERT_KINDS } from "./alerts";

/** Event kinds a webhook can subscribe to: every alert kind, production changes, and resolutions. */
export const WEBHOOK_EVENT_KINDS = [...ALERT_KINDS, "deployment", "alert_resolved"] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

export const webhookEventKindSchema = z.enum(WEBHOOK_EVENT_KINDS);

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "must be an http or https URL");

export const createWebhookSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    url: httpUrl,
    /** Only events of this shelf (by slug); omit for every shelf. */
    shelf: z.string().trim().min(1).max(100).optional(),
    /** Only events of shelves owned by this team; omit for every team. */
    team: z.string().trim().min(1).max(100).optional(),
    /** The kinds to post; at least one. */
    events: z.array(webhookEventKindSchema).min(1, "choose at least one event").transform((e) => [...new Set(e)]),
  })
  .refine((w) => !(w.shelf && w.team), { message: "choose a shelf or a team, not both", path: ["team"] });
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ id: z.coerce.number().int().positive() });

export const setWebhookActiveSchema = z.object({ id: z.coerce.number().int().positive(), active: z.boolean() });

export const listDeliveriesSchema = z.object({
  webhookId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});
