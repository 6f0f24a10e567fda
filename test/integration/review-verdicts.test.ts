import { beforeAll, describe, expect, it } from "vitest";
import { GET as getReviewRoute } from "../../app/api/v1/models/[model]/versions/[version]/samples/[listener]/review/route";
import { GET as getSamplesRoute } from "../../app/api/v1/models/[model]/versions/[version]/samples/[listener]/route";
import { systemCtx, type Ctx } from "../../lib/server/context";
import { db } from "../../lib/server/db";
import { getReviewListener } from "../../lib/server/review/get-review-listener";
import { getVersionReviewSummary } from "../../lib/server/review/get-version-review-summary";
import { ingestSamples } from "../../lib/server/review/ingest-samples";
import { listReviewTargets } from "../../lib/server/review/list-review-targets";
import { submitReview } from "../../lib/server/review/submit-review";
import { apiRequest, catalog, ranked, reviewModel, routeParams, token, userCtx } from "./review-fixtures";

// Five listeners; production (v1) recommends items 0..9, the candidate (v2) changes each list by a
// known amount: l-1 keeps it, l-5 replaces it entirely. l-2 and l-4 are new listeners, l-3 is in SE.
const LISTENERS = [
  { id: "l-1", isNew: false, country: "US", candidate: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
  { id: "l-2", isNew: true, country: "US", candidate: [1, 0, 2, 3, 4, 5, 6, 7, 8, 9] },
  { id: "l-3", isNew: false, country: "SE", candidate: [0, 1, 2, 3, 4, 20, 21, 22, 23, 24] },
  { id: "l-4", isNew: true, country: "US", candidate: [20, 21, 0, 1, 2, 3, 4, 5, 6, 7] },
  { id: "l-5", isNew: false, country: "GB", candidate: [20, 21, 22, 23, 24, 25, 26, 27, 28, 29] },
];
const PRODUCTION = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

let model: string;
let slug: string;
let reviewer: Ctx;
let lead: Ctx;
let viewer: Ctx;

beforeAll(async () => {
  const m = await reviewModel();
  model = m.model.name;
  slug = m.shelf.slug;
  const ctx = systemCtx("test");
  await ingestSamples({
    ctx,
    input: {
      model,
      version: 1,
      body: {
        catalog: catalog("v", 30),
        samples: LISTENERS.map((l) => ({ listener: { id: l.id, isNew: l.isNew, country: l.country, recentListens: ["item:v-0", "item:v-20", "item:gone"] }, items: ranked("v", PRODUCTION) })),
      },
    },
  });
  await ingestSamples({ ctx, input: { model, version: 2, body: { samples: LISTENERS.map((l) => ({ listener: l.id, items: ranked("v", l.candidate) })) } } });
  [reviewer, lead, viewer] = await Promise.all([userCtx("reviewer"), userCtx("lead"), userCtx("viewer")]);
});

const verdict = (ctx: Ctx, listener: string, v: "better" | "same" | "worse", extra: Record<string, unknown> = {}) =>
  submitReview({ ctx, input: { model, version: 2, listener, baselineVersion: 1, verdict: v, ...extra } });

describe("the review queue", () => {
  it("shows a listener with both lists, every change marked, and the comparison figures", async () => {
    const view = await getReviewListener({ ctx: reviewer, input: { model, version: 2, listener: "l-4" } });
    expect(view.target).toMatchObject({ model, candidate: 2, baseline: 1, baselineIsProduction: true });
    expect(view.listener).toMatchObject({ id: "l-4", isNew: true, country: "US" });
    expect(view.listener!.recentListens.map((r) => r.title)).toEqual(["Title v 0", "Title v 20", "item:gone"]);
    expect(view.candidate.slice(0, 3).map((i) => [i.uri, i.change])).toEqual([
      ["item:v-20", { kind: "new" }],
      ["item:v-21", { kind: "new" }],
      ["item:v-0", { kind: "moved", from: 1, by: -2 }],
    ]);
    expect(view.candidate.filter((i) => i.recent).map((i) => i.uri)).toEqual(["item:v-20", "item:v-0"]);
    expect(view.baseline!.slice(8).map((i) => i.change)).toEqual([{ kind: "dropped" }, { kind: "dropped" }]);
    expect(view.comparison).toMatchObject({ added: 2, dropped: 2, movedDown: 8, movedUp: 0, repeats: { candidate: 2, baseline: 1 } });
    expect(view.comparison!.overlapAt10).toBeCloseTo(8 / 12, 12);
    expect(view.progress).toEqual({ mine: 0, everyone: 0, panel: 5 });
    expect(view.queue).toEqual({ position: 4, total: 5, prev: "l-3", next: "l-5" });
    expect(view.canReview).toBe(true);
  });

  it("filters by new listeners and country, and orders by largest change first", async () => {
    const newOnly = await getReviewListener({ ctx: reviewer, input: { model, version: 2, listener: "l-2", filters: { new: "1" } } });
    expect(newOnly.queue).toEqual({ position: 1, total: 2, prev: null, next: "l-4" });
    const sweden = await getReviewListener({ ctx: reviewer, input: { model, version: 2, filters: { country: "se" } } });
    expect(sweden.listener?.id).toBe("l-3");
    expect(sweden.countries).toEqual(["GB", "SE", "US"]);
    const byChange = await getReviewListener({ ctx: reviewer, input: { model, version: 2, filters: { sort: "change" } } });
    expect(byChange.listener?.id).toBe("l-5");
    expect(byChange.queue).toMatchObject({ position: 1, next: "l-4" });
    const nobody = await getReviewListener({ ctx: reviewer, input: { model, version: 2, filters: { country: "JP" } } });
    expect(nobody.listener).toBeNull();
    expect(nobody.queue.total).toBe(0);
  });

  it("lists what can be reviewed, and serves the same view over HTTP for prefetching", async () => {
    const targets = await listReviewTargets({ ctx: viewer });
    expect(targets.models.find((m) => m.model === model)).toMatchObject({ production: 1, versions: [2, 1] });
    const readToken = await token(["read"]);
    const res = await getReviewRoute(
      apiRequest(`/api/v1/models/${model}/versions/2/samples/l-2/review?new=1`, { token: readToken }),
      routeParams({ model, version: "2", listener: "l-2" }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.queue).toMatchObject({ position: 1, next: "l-4" });
    expect(body.canReview).toBe(false);
    const missing = await getReviewRoute(apiRequest(`/api/v1/models/${model}/versions/2/samples/nobody/review`, { token: readToken }), routeParams({ model, version: "2", listener: "nobody" }));
    expect(missing.status).toBe(404);
  });
});

describe("reading", () => {
  it("refuses a token without the read scope on every read of the review domain", async () => {
    const ingestOnly: Ctx = { actor: { kind: "token", id: 1, name: "ingest-only", scopes: ["ingest"] }, now: new Date() };
    await expect(getReviewListener({ ctx: ingestOnly, input: { model, version: 2 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getVersionReviewSummary({ ctx: ingestOnly, input: { slug, version: 2 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listReviewTargets({ ctx: ingestOnly })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const t = await token(["ingest"]);
    const res = await getSamplesRoute(apiRequest(`/api/v1/models/${model}/versions/2/samples/l-1`, { token: t }), routeParams({ model, version: "2", listener: "l-1" }));
    expect(res.status).toBe(403);
    const review = await getReviewRoute(apiRequest(`/api/v1/models/${model}/versions/2/samples/l-1/review`, { token: t }), routeParams({ model, version: "2", listener: "l-1" }));
    expect(review.status).toBe(403);
  });

  it("answers 404 for a listener without a sample and 400 for a malformed version", async () => {
    const t = await token(["read"]);
    const missing = await getSamplesRoute(apiRequest(`/api/v1/models/${model}/versions/2/samples/nobody`, { token: t }), routeParams({ model, version: "2", listener: "nobody" }));
    expect(missing.status).toBe(404);
    const bad = await getSamplesRoute(apiRequest(`/api/v1/models/${model}/versions/two/samples/l-1`, { token: t }), routeParams({ model, version: "two", listener: "l-1" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe("version");
  });
});

describe("verdicts", () => {
  it("keeps one verdict per reviewer, listener and candidate: sending it twice changes nothing", async () => {
    const first = await verdict(reviewer, "l-1", "same", { comment: "  identical lists  " });
    expect(first).toMatchObject({ created: true, changed: true, review: { verdict: "same", comment: "identical lists" }, progress: { mine: 1, everyone: 1, panel: 5 } });
    const audits = await db().auditEvent.count({ where: { subjectType: "review" } });
    const again = await verdict(reviewer, "l-1", "same", { comment: "identical lists" });
    expect(again).toMatchObject({ created: false, changed: false });
    expect(await db().review.count({ where: { listener: { externalId: "l-1" } } })).toBe(1);
    expect(await db().auditEvent.count({ where: { subjectType: "review" } })).toBe(audits);
  });

  it("survives a double submit racing itself: one row, one audit event", async () => {
    const audits = await db().auditEvent.count({ where: { action: "review.created" } });
    const results = await Promise.all([verdict(reviewer, "l-2", "better"), verdict(reviewer, "l-2", "better")]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().review.count({ where: { listener: { externalId: "l-2" } } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "review.created" } })).toBe(audits + 1);
  });

  it("updates the verdict when the reviewer changes their mind, with before and after in the audit log", async () => {
    await verdict(reviewer, "l-5", "better");
    const changed = await verdict(reviewer, "l-5", "worse", { itemFlags: [{ uri: "item:v-21", flags: ["stale", "irrelevant", "stale"] }], comment: "all new, none fits" });
    expect(changed).toMatchObject({ created: false, changed: true, review: { verdict: "worse", itemFlags: [{ uri: "item:v-21", flags: ["irrelevant", "stale"] }] } });
    const row = await db().review.findFirstOrThrow({ where: { listener: { externalId: "l-5" }, reviewerId: reviewer.actor.kind === "user" ? reviewer.actor.id : "" }, select: { id: true, verdict: true, itemFlags: true } });
    expect(row.verdict).toBe("worse");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "review.updated", subjectId: String(row.id) }, orderBy: { id: "desc" }, select: { before: true, after: true } });
    expect(event.before).toMatchObject({ verdict: "better", itemFlags: [], comment: "" });
    expect(event.after).toMatchObject({ verdict: "worse", comment: "all new, none fits", listener: "l-5" });

    const view = await getReviewListener({ ctx: reviewer, input: { model, version: 2, listener: "l-5" } });
    expect(view.myReview).toMatchObject({ verdict: "worse", itemFlags: [{ uri: "item:v-21", flags: ["irrelevant", "stale"] }] });
    const unreviewed = await getReviewListener({ ctx: reviewer, input: { model, version: 2, filters: { unreviewed: "1" } } });
    expect(unreviewed.listener?.id).toBe("l-3");
    expect(unreviewed.queue).toMatchObject({ position: 1, total: 2, next: "l-4" });
  });

  it("lets a lead review but not a viewer, nor a pipeline token", async () => {
    await expect(verdict(lead, "l-5", "worse")).resolves.toMatchObject({ created: true });
    await expect(verdict(viewer, "l-1", "better")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const pipeline: Ctx = { actor: { kind: "token", id: 1, name: "pipeline", scopes: ["ingest", "gate", "read"] }, now: new Date() };
    await expect(verdict(pipeline, "l-1", "better")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const viewerView = await getReviewListener({ ctx: viewer, input: { model, version: 2, listener: "l-1" } });
    expect(viewerView.canReview).toBe(false);
  });

  it("refuses flags on items outside the candidate's list and verdicts on listeners outside the panel", async () => {
    await expect(verdict(reviewer, "l-1", "worse", { itemFlags: [{ uri: "item:v-25", flags: ["stale"] }] })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      fields: [{ path: "itemFlags.0.uri", message: expect.stringMatching(/not in the candidate's list/) }],
    });
    await expect(verdict(reviewer, "l-1", "meh" as "worse")).rejects.toMatchObject({ code: "INVALID_REQUEST", fields: [{ path: "verdict", message: expect.any(String) }] });
    await expect(verdict(reviewer, "nobody", "worse")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the version's review summary", () => {
  it("counts verdicts, the share of worse, reviewers and flagged items, and names the biggest changes", async () => {
    const summary = await getVersionReviewSummary({ ctx: viewer, input: { slug, version: 2 } });
    expect(summary.verdicts).toEqual({ better: 1, same: 1, worse: 2 });
    expect(summary.total).toBe(4);
    expect(summary.worseShare).toBe(0.5);
    expect(summary.reviewers).toBe(2);
    expect(summary.listenersReviewed).toBe(3);
    expect(summary.panel).toBe(5);
    expect(summary.baseline).toEqual({ version: 1, isProduction: true });
    expect(summary.flagged).toEqual([{ uri: "item:v-21", title: "Title v 21", creator: "Creator 1", type: "episode", flags: { irrelevant: 1, stale: 1 }, listeners: 1 }]);
    expect(summary.biggestChanges.map((c) => c.listener).slice(0, 2)).toEqual(["l-5", "l-4"]);
    expect(summary.biggestChanges[0]).toMatchObject({ rbo: 0, added: 10, dropped: 10, reviews: 2 });
    expect(summary.comments[0]).toMatchObject({ listener: "l-5", verdict: "worse", comment: "all new, none fits" });
    expect(summary.distributions?.rbo?.count).toBe(5);
    expect(summary.distributions?.candidate.coverage.distinctItems).toBe(20);
  });
});
