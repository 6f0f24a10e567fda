import { modelParamsSchema, modelVersionParamsSchema, productionAtQuerySchema, promoteBodySchema } from "../../schemas/promotions";
import type { RouteDoc } from "../types";

const CHECKS = [
  { id: "primary_threshold", verdict: "pass", observed: 0.3512, limit: 0.3, sentence: "ndcg@10 0.351 meets the threshold 0.300." },
  { id: "regression_vs_production", verdict: "pass", observed: 0.0031, limit: 0.01, sentence: "ndcg@10 is 0.003 better than production v52." },
  { id: "skew", verdict: "fail", observed: 3, limit: 0, sentence: "Skew anomalies on 3 of the last 7 days (podcast_minutes_28d)." },
];

/** The gate for pipelines and the production history. */
export const PROMOTION_ROUTES: RouteDoc[] = [
  {
    method: "post",
    path: "/api/v1/models/{model}/versions/{version}/promote",
    operationId: "promoteVersion",
    tag: "Gate",
    summary: "Ask the gate to push a version",
    description:
      "Runs the model's gate policy for the version. If every check passes and the policy needs no approval, the version goes live (`deployed`). If approvals are needed, a request waits for a lead (`pending_approval`, 202; asking again returns the same request). Otherwise the version is `refused`, with the checks that failed and their reasons; a pipeline step should fail then.",
    permission: "requestPromotion",
    params: modelVersionParamsSchema,
    body: promoteBodySchema,
    bodyExample: { reason: "weekly retrain 2026-11-28" },
    errors: [404],
    errorNotes: { 409: "Here: the version is already in production." },
    responses: {
      200: {
        description: "`deployed` (production moved) or `refused` (see `reasons`).",
        example: { outcome: "refused", model: "podcast-model", version: 53, passed: false, checks: CHECKS, reasons: [CHECKS[2].sentence], request: { id: 41, model: "podcast-model", version: 53, versionId: 1203, expectedProductionVersion: 52, expectedProductionVersionId: 1202, status: "refused", source: "pipeline", requestedBy: "token:podcast-weekly", reason: "weekly retrain 2026-11-28", createdAt: "2026-11-28T07:00:00.000Z", decidedAt: "2026-11-28T07:00:00.000Z", approvals: [] }, deployment: null },
      },
      202: {
        description: "`pending_approval`: a promotion request waits for a lead.",
        example: { outcome: "pending_approval", model: "podcast-model", version: 53, passed: true, checks: CHECKS.slice(0, 2), reasons: ["1 approval by a lead is required."], request: { id: 42, model: "podcast-model", version: 53, versionId: 1203, expectedProductionVersion: 52, expectedProductionVersionId: 1202, status: "pending", source: "pipeline", requestedBy: "token:podcast-weekly", reason: "weekly retrain 2026-11-28", createdAt: "2026-11-28T07:00:00.000Z", decidedAt: null, approvals: [] }, deployment: null },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/models/{model}/production",
    operationId: "getProductionAt",
    tag: "Gate",
    summary: "What was in production when",
    description: "The version live at `at` (a day means the end of that day, UTC; an ISO date-time; absent means now), read from the deployment log, with the deployment that put it there.",
    permission: "read",
    params: modelParamsSchema,
    query: productionAtQuerySchema,
    errors: [404],
    responses: {
      200: {
        description: "The production version at that instant (null before the first deployment).",
        example: { model: "podcast-model", at: "2026-06-30T23:59:59.999Z", version: 31, since: "2026-06-28T10:02:00.000Z", until: "2026-07-05T09:40:00.000Z", deployment: { id: 310, reason: "promotion", actor: "podcast-lead@shelfwatch.demo", comment: "", fromVersion: 30 } },
      },
    },
  },
];
