import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ListChecks, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { QueueControls } from "@/components/review/queue-controls";
import { ReviewQueryProvider } from "@/components/review/query-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { filtersQuery, reviewKeys, type ReviewQueueKey } from "@/lib/queries/review";
import { defaultCandidate } from "@/lib/review/default-candidate";
import { reviewHref } from "@/lib/review/review-url";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { orNotFound } from "@/lib/server/page-data";
import { getReviewListener } from "@/lib/server/review/get-review-listener";
import { listReviewTargets } from "@/lib/server/review/list-review-targets";
import { ReviewClient } from "./review-client";
import { parseReviewSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Review" };

const DESCRIPTION = "Walk the listener panel: the candidate’s recommendations beside the baseline’s for the same listener, what changed, and a verdict per listener.";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionCtx();
  const sp = parseReviewSearchParams(await searchParams);
  const targets = await listReviewTargets({ ctx });
  const chosen = sp.model && sp.candidate ? { model: sp.model, version: sp.candidate } : defaultCandidate(targets, sp.model);
  const crumbs = [{ label: "Home", href: "/" }, { label: "Review" }];

  if (!chosen) {
    return (
      <>
        <PageHeader title="Review" description={DESCRIPTION} crumbs={crumbs} />
        <EmptyState title="Nothing to review yet" icon={<ListChecks className="size-8" aria-hidden />}>
          The queue fills once a pipeline posts sampled recommendations for a version:{" "}
          <code className="text-xs">POST /api/v1/models/{"{model}"}/versions/{"{version}"}/samples</code>.
        </EmptyState>
      </>
    );
  }

  const load = (listener: string | undefined) => getReviewListener({ ctx, input: { model: chosen.model, version: chosen.version, listener, filters: sp.filters } });
  // A link to a listener who is not in this panel opens the queue at its start rather than a 404.
  const view = await orNotFound(load(sp.listener).catch((error: unknown) => (sp.listener && error instanceof AppError && error.code === "NOT_FOUND" && error.fields.some((f) => f.path === "listener") ? load(undefined) : Promise.reject(error))));
  const queue: ReviewQueueKey = { model: view.target.model, version: view.target.candidate, filters: sp.filters };
  const title = (
    <>
      Review <span className="font-normal text-slate-500">· {view.target.shelfTitle} v{view.target.candidate}</span>
    </>
  );
  const versionHref = `/shelves/${view.target.shelfSlug}/versions/${view.target.candidate}`;

  if (!view.listener) {
    return (
      <>
        <PageHeader title={title} description={DESCRIPTION} crumbs={crumbs} />
        <div className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <QueueControls targets={targets} model={queue.model} candidate={queue.version} baseline={view.target.baseline} filters={sp.filters} countries={view.countries} />
        </div>
        <EmptyState title="No listener in this queue" icon={<SearchX className="size-8" aria-hidden />}>
          No listener of the panel matches these filters{sp.filters.unreviewed ? ", or you have reviewed them all" : ""}.{" "}
          <Link className="text-brand underline" href={reviewHref({ model: queue.model, candidate: queue.version })}>Show the whole panel</Link> or{" "}
          <Link className="text-brand underline" href={versionHref}>see how the review came out</Link>.
        </EmptyState>
      </>
    );
  }

  // The first listener is rendered with the page; the browser then fetches its neighbours itself.
  const queryClient = new QueryClient();
  queryClient.setQueryData(reviewKeys.listener(queue, view.listener.id), view);
  return (
    <>
      <PageHeader title={title} description={DESCRIPTION} crumbs={crumbs} actions={<Link href={versionHref} className="text-sm text-brand hover:underline">Version page and results →</Link>} />
      <ReviewQueryProvider>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <ReviewClient key={`${queue.model}@${queue.version}?${filtersQuery(sp.filters)}`} queue={queue} initial={view} targets={targets} />
        </HydrationBoundary>
      </ReviewQueryProvider>
    </>
  );
}
