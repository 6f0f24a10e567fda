import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { PROMOTION_ROUTES } from "./routes/promotions";
import { REGISTRY_ROUTES } from "./routes/registry";
import { REVIEW_ROUTES } from "./routes/review";
import { SYSTEM_ROUTES } from "./routes/system";
import { VALIDATION_ROUTES } from "./routes/validation";
import type { RouteDoc, TagDoc } from "./types";

/**
 * Every route of the HTTP API, with the zod schemas its handler validates with. A test compares this
 * list with the route files under app/api/v1: a route that is not here fails it.
 */
export const ROUTES: readonly RouteDoc[] = [...REGISTRY_ROUTES, ...VALIDATION_ROUTES, ...REVIEW_ROUTES, ...PROMOTION_ROUTES, ...SYSTEM_ROUTES];

export const TAGS: readonly TagDoc[] = [
  { name: "Registry", description: "Models, versions with their lineage, evaluation scores and online metrics." },
  { name: "Validation", description: "Feature statistics (native or TFDV), raw feature rows, and the skew and drift reports computed from them." },
  { name: "Samples and review", description: "What a version recommends to the listener panel, the catalogue it refers to, and the review queue." },
  { name: "Gate", description: "Asking for a push to production, and what was in production when." },
  { name: "Alerts", description: "Alerts raised by validation, evaluations, the gate and the scheduler." },
  { name: "Operations", description: "Health, metrics and this document." },
];

const DESCRIPTION = `The HTTP API of Shelfwatch, for pipelines: register a version, post its scores, statistics and samples, and ask the gate to push it.

**Authentication.** Every call but health and this document needs \`Authorization: Bearer <token>\`. An admin creates tokens in Settings with scopes: \`ingest\` (post versions, scores, statistics, samples, metrics), \`gate\` (ask for a push), \`read\` (read everything).

**Errors.** A bad request gets a 4xx with \`{ "error": { "code", "message", "fields": [{ "path", "message" }] } }\`; \`fields\` names every field at fault. Writes are all or nothing: after an error nothing was stored.

**Retries.** Every write accepts an \`Idempotency-Key\` header. Retry a request that timed out or got a 5xx with the same key: if the first attempt went through, you get its answer again instead of a second write.

**Python.** A one-file client (standard library only) is served at [/shelfwatch_client.py](/shelfwatch_client.py), with an example pipeline step at [/examples/pipeline_step.py](/examples/pipeline_step.py).`;

let cached: OpenApiDocument | null = null;

/** The OpenAPI 3.1 document (built once per process: the routes do not change at run time). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(ROUTES, TAGS, { version: "1", description: DESCRIPTION });
  return cached;
}
