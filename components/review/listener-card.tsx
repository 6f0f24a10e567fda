import { History, MapPin, Sparkles, UserRound } from "lucide-react";
import type { ListenerContextDto } from "@/lib/server/review/review-dto";

const SHOWN_RECENT = 8;

/** Who the listener is: new or returning, country, top genres and what they played recently. */
export function ListenerCard({ listener }: { listener: ListenerContextDto }) {
  const more = listener.recentListens.length - SHOWN_RECENT;
  return (
    <section aria-label="Listener" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Listener</p>
          <h2 className="truncate font-mono text-sm font-semibold text-slate-900" data-testid="listener-id" title={listener.id}>{listener.id}</h2>
        </div>
        {listener.isNew ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-800"><Sparkles className="size-3" aria-hidden />New</span>
        ) : (
          <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700"><UserRound className="size-3" aria-hidden />Returning</span>
        )}
      </div>
      <p className="mt-2 flex items-center gap-1 text-sm text-slate-700">
        <MapPin className="size-3.5 text-slate-400" aria-hidden />
        {listener.country || <span className="text-slate-400">country unknown</span>}
      </p>
      <div className="mt-3">
        <p className="text-xs font-medium text-slate-500">Top genres</p>
        {listener.topGenres.length === 0 ? (
          <p className="mt-1 text-xs text-slate-400">None known yet.</p>
        ) : (
          <ul className="mt-1 flex flex-wrap gap-1">
            {listener.topGenres.map((g) => <li key={g} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{g}</li>)}
          </ul>
        )}
      </div>
      <div className="mt-3">
        <p className="flex items-center gap-1 text-xs font-medium text-slate-500"><History className="size-3 text-violet-600" aria-hidden />Recent listens</p>
        {listener.recentListens.length === 0 ? (
          <p className="mt-1 text-xs text-slate-400">Nothing played recently.</p>
        ) : (
          <ol className="mt-1 space-y-1">
            {listener.recentListens.slice(0, SHOWN_RECENT).map((r) => (
              <li key={r.uri} className="min-w-0 text-xs leading-tight">
                <span className="block truncate text-slate-800" title={r.title}>{r.title}</span>
                <span className="block truncate text-slate-500">{r.creator ? `${r.creator} · ` : ""}{r.type}</span>
              </li>
            ))}
            {more > 0 && <li className="text-xs text-slate-400">and {more} more</li>}
          </ol>
        )}
      </div>
    </section>
  );
}
