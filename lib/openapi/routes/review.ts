import { catalogItemsSchema, ingestSamplesSchema, listenerSamplesInputSchema, queueFiltersSchema, versionRefSchema } from "../../schemas/review";
import type { RouteDoc } from "../types";

/** Sampled recommendations for the listener panel, the catalogue, and the review queue's reads. */
export const REVIEW_ROUTES: RouteDoc[] = [
  {
    method: "post",
    path: "/api/v1/models/{model}/versions/{version}/samples",
    operationId: "ingestSamples",
    tag: "Samples and review",
    summary: "Post sampled recommendations",
    description:
      "The ranked lists a version produced for the listener panel: up to 5,000 listeners × 100 items per request, with any catalogue items they mention (`catalog`, upserted by URI first) and listener context (upserted). All or nothing: an unknown item URI rejects the whole request with the fields at fault.",
    permission: "ingest",
    params: versionRefSchema,
    body: ingestSamplesSchema,
    bodyExample: {
      sampledAt: "2026-11-28T08:00:00Z",
      catalog: [{ uri: "podcast:show:1842", type: "podcast", title: "The Long Listen", creator: "Ada Moreno", genres: ["history"] }],
      samples: [
        {
          listener: { id: "listener-0007", isNew: false, country: "SE", topGenres: ["history", "true-crime"], recentListens: ["podcast:show:77"] },
          items: [{ uri: "podcast:show:1842", rank: 1, score: 0.91, reason: "similar listeners" }],
        },
      ],
    },
    errors: [404],
    responses: { 201: { description: "Stored.", example: { model: "podcast-model", version: 53, sampledAt: "2026-11-28T08:00:00.000Z", listeners: 1, items: 1, listenersUpdated: 1, catalog: { received: 1, created: 1, updated: 0, unchanged: 0 } } } },
  },
  {
    method: "get",
    path: "/api/v1/models/{model}/versions/{version}/samples/{listener}",
    operationId: "getListenerSamples",
    tag: "Samples and review",
    summary: "Get one listener's list",
    description: "The ranked list a version produced for one listener, with each item's catalogue fields.",
    permission: "read",
    params: listenerSamplesInputSchema,
    errors: [404],
    responses: {
      200: {
        description: "The list.",
        example: {
          model: "podcast-model",
          version: 53,
          listener: { id: "listener-0007", isNew: false, country: "SE", topGenres: ["history"], recentListens: ["podcast:show:77"] },
          sampledAt: "2026-11-28T08:00:00.000Z",
          items: [{ rank: 1, uri: "podcast:show:1842", type: "podcast", title: "The Long Listen", creator: "Ada Moreno", imageUrl: null, genres: ["history"], score: 0.91, reason: "similar listeners" }],
        },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/models/{model}/versions/{version}/samples/{listener}/review",
    operationId: "getReviewListener",
    tag: "Samples and review",
    summary: "Get a listener of the review queue",
    description: "One listener as the review page shows it: the candidate's list beside the baseline's, what changed, the caller's verdict, the neighbours in the queue under the filters, and progress. The review page uses it to prefetch the next listener.",
    permission: "read",
    params: listenerSamplesInputSchema,
    query: queueFiltersSchema,
    errors: [404],
    responses: { 200: { description: "The listener, both lists and the queue position." } },
  },
  {
    method: "post",
    path: "/api/v1/catalog/items",
    operationId: "upsertCatalogItems",
    tag: "Samples and review",
    summary: "Upsert catalogue items",
    description: "Podcasts, episodes, playlists, albums, artists, tracks and audiobooks, upserted by URI, all or nothing (up to 100,000 per request). Unchanged items cost no write.",
    permission: "ingest",
    body: catalogItemsSchema,
    bodyExample: { items: [{ uri: "podcast:show:1842", type: "podcast", title: "The Long Listen", creator: "Ada Moreno", imageUrl: "https://img.example.com/1842.jpg", genres: ["history"] }] },
    responses: { 200: { description: "Counts of what changed.", example: { received: 1, created: 1, updated: 0, unchanged: 0 } } },
  },
];
