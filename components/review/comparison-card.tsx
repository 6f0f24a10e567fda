import type { ComparisonDto } from "@/lib/server/review/review-dto";

const pct = (v: number) => `${Math.round(v * 100)}%`;

function Meter({ label, value, hint }: { label: string; value: number; hint: string }) {
  // Low similarity is what a reviewer should look at closely, so it gets the warm colour.
  const tone = value < 0.4 ? "bg-amber-500" : value < 0.75 ? "bg-sky-500" : "bg-slate-400";
  return (
    <div title={hint}>
      <div className="flex items-baseline justify-between">
        <span className="text-xs text-slate-500">{label}</span>
        <span className="text-sm font-semibold tabular text-slate-900">{value.toFixed(2)}</span>
      </div>
      <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100">
        <div className={`h-full ${tone}`} style={{ width: pct(value) }} />
      </div>
    </div>
  );
}

/** How much the candidate's list differs from the baseline's for this listener. */
export function ComparisonCard({ comparison }: { comparison: ComparisonDto | null }) {
  if (!comparison) {
    return (
      <section aria-label="What changed" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-500 shadow-sm">
        No baseline list for this listener: every item of the candidate is new to them.
      </section>
    );
  }
  const c = comparison;
  const mix = c.typeMix.filter((t) => Math.abs(t.delta) >= 0.005);
  return (
    <section aria-label="What changed" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="comparison">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">What changed</p>
      <Meter label="Rank-biased overlap" value={c.rbo} hint="RBO (p = 0.9): 1 means the same ranking, 0 nothing in common; the top ranks weigh most." />
      <Meter label="Overlap@10" value={c.overlapAt10} hint="Jaccard similarity of the two top-10 sets." />
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">New</dt><dd className="text-right font-medium tabular text-green-700">+{c.added}</dd>
        <dt className="text-slate-500">Dropped</dt><dd className="text-right font-medium tabular text-red-700">−{c.dropped}</dd>
        <dt className="text-slate-500">Moved up</dt><dd className="text-right font-medium tabular text-sky-700">{c.movedUp}</dd>
        <dt className="text-slate-500">Moved down</dt><dd className="text-right font-medium tabular text-amber-700">{c.movedDown}</dd>
        <dt className="text-slate-500">Unchanged</dt><dd className="text-right font-medium tabular text-slate-700">{c.unchanged}</dd>
        <dt className="text-slate-500" title="Recommended items the listener played recently">Repeats of recent listens</dt>
        <dd className="text-right font-medium tabular text-violet-700" data-testid="repeats">{c.repeats.candidate} <span className="font-normal text-slate-400">vs {c.repeats.baseline}</span></dd>
      </dl>
      <div>
        <p className="text-xs text-slate-500">Type mix (candidate vs baseline)</p>
        {mix.length === 0 ? (
          <p className="mt-1 text-xs text-slate-400">Same mix of types.</p>
        ) : (
          <ul className="mt-1 space-y-1" data-testid="type-mix">
            {c.typeMix.map((t) => (
              <li key={t.type} className="grid grid-cols-[5.5rem_1fr_3rem] items-center gap-2 text-xs">
                <span className="truncate capitalize text-slate-700">{t.type}</span>
                <span className="relative h-2 rounded-full bg-slate-100" aria-hidden>
                  <span className="absolute inset-y-0 left-0 rounded-full bg-slate-300" style={{ width: pct(t.baselineShare) }} />
                  <span className="absolute inset-y-0.5 left-0 rounded-full bg-brand" style={{ width: pct(t.candidateShare) }} />
                </span>
                <span className={`text-right tabular ${t.delta > 0 ? "text-green-700" : t.delta < 0 ? "text-red-700" : "text-slate-400"}`}>
                  {t.delta > 0 ? "+" : t.delta < 0 ? "−" : "±"}{Math.round(Math.abs(t.delta) * 100)}
                  <span className="sr-only"> percentage points</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
