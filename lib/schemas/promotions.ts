import { z } from "zod";

// Inputs of the promotion gate, approvals, deployments, gate policies and the audit log: one schema per
// input, shared by the forms, the actions, the route handlers and the OpenAPI document.

export const CHECK_IDS = ["primary_threshold", "regression_vs_production", "skew", "reviews_count", "worse_share"] as const;
export const checkIdSchema = z.enum(CHECK_IDS);

const modelName = z.string().trim().min(1).max(100);
const versionNumber = z.coerce.number().int().positive();
const id = z.coerce.number().int().positive();
const comment = z.string().trim().max(2000);

/** Path parameters of `/models/{model}/versions/{version}/…`. */
export const modelVersionParamsSchema = z.object({ model: modelName, version: versionNumber });
export const modelParamsSchema = z.object({ model: modelName });
/** A version as the pages address it: by shelf slug and version number. */
export const shelfVersionSchema = z.object({ slug: z.string().trim().min(1).max(100), version: versionNumber });
export const shelfSlugInputSchema = z.object({ slug: z.string().trim().min(1).max(100) });

/** Body of `POST …/versions/{version}/promote`: an optional note for the request. */
export const promoteBodySchema = z
  .object({ reason: z.string().trim().max(500).default("") })
  .default({ reason: "" });

/** The pipeline gate: run the policy for one version, push, open a request or refuse. */
export const runGateSchema = z.object({ model: modelName, version: versionNumber, reason: z.string().trim().max(500).default("") });
export type RunGateInput = z.input<typeof runGateSchema>;

/** A person's explicit request to promote a version. */
export const requestPromotionSchema = z.object({
  model: modelName,
  version: versionNumber,
  reason: z.string().trim().min(1, "say why this version should go live").max(500),
});
export type RequestPromotionInput = z.input<typeof requestPromotionSchema>;

/**
 * An approval, against exactly what the lead saw: the candidate and the production version it
 * displaces. Checks that do not pass must each be overridden, with a reason.
 */
export const approvePromotionSchema = z
  .object({
    requestId: id,
    candidateVersionId: id,
    expectedProductionVersionId: id.nullable(),
    comment: comment.default(""),
    overrides: z.array(checkIdSchema).default([]).transform((o) => [...new Set(o)]),
    overrideReason: z.string().trim().max(1000).default(""),
  })
  .refine((v) => v.overrides.length === 0 || v.overrideReason.length >= 10, {
    path: ["overrideReason"],
    message: "explain in at least 10 characters why the checks may be overridden",
  });
export type ApprovePromotionInput = z.input<typeof approvePromotionSchema>;

export const rejectPromotionSchema = z.object({
  requestId: id,
  candidateVersionId: id,
  comment: z.string().trim().min(1, "say why the request is rejected").max(2000),
});
export type RejectPromotionInput = z.input<typeof rejectPromotionSchema>;

/** Rollback to the previous production version (no target) or to a chosen earlier one. */
export const rollbackSchema = z.object({
  model: modelName,
  toVersion: versionNumber.nullable().default(null),
  expectedProductionVersionId: id,
  reason: z.string().trim().min(5, "say why production is rolled back").max(1000),
});
export type RollbackInput = z.input<typeof rollbackSchema>;

// A calendar day means the end of that day (UTC): what was live when the day was over.
const dayOrInstant = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || !Number.isNaN(Date.parse(s)), "a date (YYYY-MM-DD) or an ISO date-time")
  .transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T23:59:59.999Z`) : new Date(s)))
  .refine((d) => !Number.isNaN(d.getTime()), "not a valid date");

export const productionAtSchema = z.object({ model: modelName, at: dayOrInstant });
/** `?at=` of the production read: a day or an instant; absent means now. */
export const productionAtQuerySchema = z.object({ at: z.string().trim().min(1).optional() });
export type ProductionAtInput = z.input<typeof productionAtSchema>;

/** Every model's production now, and at an instant when one is given. */
export const listProductionSchema = z.object({ at: z.date().nullable() });

export const listDeploymentsSchema = z.object({ model: modelName, limit: z.coerce.number().int().min(1).max(200).default(20) });

export const listPromotionsSchema = z.object({
  status: z.enum(["pending", "decided", "all"]).default("all"),
  model: modelName.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListPromotionsInput = z.input<typeof listPromotionsSchema>;

export const promotionIdSchema = z.object({ id });

const nullableNumber = z.number().finite().nullable();

/** An admin's edit of a model's gate policy; `expectedUpdatedAt` refuses an edit made over someone else's. */
export const updateGatePolicySchema = z
  .object({
    model: modelName,
    primaryMetric: z.string().trim().min(1).max(100),
    direction: z.enum(["higher_is_better", "lower_is_better"]),
    absoluteThreshold: nullableNumber,
    maxRegression: nullableNumber.refine((v) => v === null || v >= 0, "must be 0 or more"),
    skewFreeDays: z.number().int().min(1).max(90).nullable(),
    minReviews: z.number().int().min(0).max(10_000),
    maxWorseShare: nullableNumber.refine((v) => v === null || (v >= 0 && v <= 1), "a share between 0 and 1"),
    approvalsRequired: z.number().int().min(0).max(10),
    forbidSelfApproval: z.boolean(),
    expectedUpdatedAt: z.string().datetime().nullable(),
  })
  .refine((p) => p.absoluteThreshold !== null || p.maxRegression !== null || p.skewFreeDays !== null || p.minReviews > 0 || p.maxWorseShare !== null, {
    path: ["absoluteThreshold"],
    message: "enable at least one rule: a policy without rules never passes",
  });
export type UpdateGatePolicyInput = z.input<typeof updateGatePolicySchema>;

const optionalText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));
const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v), "a date as YYYY-MM-DD");

/** Filters of the audit log; `before` pages to older events (keyset on id). */
export const listAuditEventsSchema = z.object({
  actor: optionalText,
  action: optionalText,
  subject: optionalText,
  from: optionalDay,
  to: optionalDay,
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsInput = z.input<typeof listAuditEventsSchema>;
