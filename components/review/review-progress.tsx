import type { ReviewProgressDto } from "@/lib/server/review/review-dto";

const share = (n: number, of: number) => (of > 0 ? Math.min(100, (n / of) * 100) : 0);

/** Progress of the review: listeners reviewed by me and by everyone, out of the panel. */
export function ReviewProgress({ progress, position }: { progress: ReviewProgressDto; position: { position: number | null; total: number } }) {
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm" data-testid="review-progress">
      <div className="min-w-56 flex-1">
        <div className="relative h-2 overflow-hidden rounded-full bg-slate-200" role="img" aria-label={`${progress.mine} reviewed by you, ${progress.everyone} by everyone, of ${progress.panel}`}>
          <div className="absolute inset-y-0 left-0 bg-sky-300" style={{ width: `${share(progress.everyone, progress.panel)}%` }} />
          <div className="absolute inset-y-0 left-0 bg-brand" style={{ width: `${share(progress.mine, progress.panel)}%` }} />
        </div>
      </div>
      <dl className="flex gap-4 text-xs text-slate-600">
        <div className="flex items-center gap-1.5"><span aria-hidden className="size-2 rounded-full bg-brand" /><dt>Reviewed by you</dt><dd className="font-semibold tabular text-slate-900" data-testid="progress-mine">{progress.mine}</dd></div>
        <div className="flex items-center gap-1.5"><span aria-hidden className="size-2 rounded-full bg-sky-300" /><dt>by everyone</dt><dd className="font-semibold tabular text-slate-900" data-testid="progress-everyone">{progress.everyone}</dd></div>
        <div className="flex items-center gap-1.5"><dt>of the panel</dt><dd className="font-semibold tabular text-slate-900" data-testid="progress-panel">{progress.panel}</dd></div>
      </dl>
      <p className="text-xs text-slate-500" data-testid="queue-position">
        {position.position !== null ? <>Listener <span className="font-semibold tabular text-slate-900">{position.position}</span> of {position.total} in this queue</> : <>{position.total} in this queue</>}
      </p>
    </div>
  );
}
