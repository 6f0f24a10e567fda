import { z } from "zod";

/** What an alert is about; the same names are the webhook event kinds of alerts. */
export const ALERT_KINDS = ["skew", "drift", "schema", "evaluation_regression", "missed_retrain", "gate_failure"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const alertKindSchema = z.enum(ALERT_KINDS);

/**
 * An alert raised by a feature (validation, evaluations, the gate) or by the scheduler. `subject` names
 * what is alerting ("podcast-model", "podcast-model@v53"): there is one live alert per kind and subject.
 * `occurrence` names this sighting ("report:812"): raising the same occurrence twice counts once.
 */
export const raiseAlertSchema = z.object({
  kind: alertKindSchema,
  subject: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(300),
  shelfId: z.number().int().positive().optional(),
  modelId: z.number().int().positive().optional(),
  details: z.record(z.string(), z.unknown()).default({}),
  occurrence: z.string().trim().min(1).max(200).optional(),
});
export type RaiseAlertInput = z.input<typeof raiseAlertSchema>;

/** Closes the live alert of one kind and subject, if any (used when the condition clears). */
export const clearAlertSchema = z.object({
  kind: alertKindSchema,
  subject: z.string().trim().min(1).max(200),
  reason: z.string().trim().max(300).default(""),
});
export type ClearAlertInput = z.input<typeof clearAlertSchema>;

/** The inbox filter "active" means open or acknowledged: everything not yet resolved. */
export const ALERT_STATUS_FILTERS = ["active", ...ALERT_STATUSES, "all"] as const;

export const listAlertsSchema = z.object({
  status: z.enum(ALERT_STATUS_FILTERS).default("active").describe("`active` = open or acknowledged."),
  kind: alertKindSchema.optional(),
  shelf: z.string().trim().min(1).max(100).optional().describe("A shelf slug."),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAlertsInput = z.input<typeof listAlertsSchema>;

export const alertActionSchema = z.object({
  id: z.coerce.number().int().positive(),
  note: z.string().trim().max(500).default(""),
});
export type AlertActionInput = z.input<typeof alertActionSchema>;
