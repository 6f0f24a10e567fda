import { metric, shortDate, signed } from "@/lib/format";
import type { EvidenceDetails } from "@/lib/server/promotions/collect-evidence";
import { Badge } from "../ui/badge";

/** Every score of the candidate beside production's, the delta coloured by the metric's direction. */
export function ScoresTable({ scores, candidate, production }: { scores: EvidenceDetails["scores"]; candidate: number; production: number | null }) {
  if (scores.length === 0) return <p className="p-4 text-sm text-slate-500">No scores have been posted for these versions.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr><th className="px-4 py-2 font-medium">Metric</th><th className="font-medium">v{candidate}</th><th className="font-medium">{production ? `v${production} (production)` : "production"}</th><th className="pr-4 font-medium">Delta</th></tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {scores.map((s) => (
          <tr key={s.metric} className={s.primary ? "bg-blue-50/40" : undefined}>
            <td className="px-4 py-1.5">
              <span className="font-medium">{s.metric}</span>
              {s.primary && <span className="ml-1.5"><Badge tone="info">primary</Badge></span>}
              <span className="ml-1.5 text-xs text-slate-400">{s.direction === "higher_is_better" ? "↑ better" : "↓ better"}</span>
            </td>
            <td className="tabular">{metric(s.candidate)}</td>
            <td className="tabular text-slate-600">{metric(s.production)}</td>
            <td className={`pr-4 tabular ${s.better === null ? "text-slate-500" : s.better ? "text-ok" : "text-bad"}`}>{signed(s.delta)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cell(status: EvidenceDetails["days"][number]["skew"], kind: string, day: string) {
  const title = status === null ? `${day}: no ${kind} report` : status.anomalies > 0 ? `${day}: ${status.anomalies} ${kind} anomal${status.anomalies > 1 ? "ies" : "y"}${status.topFeature ? ` (${status.topFeature})` : ""}` : `${day}: ${kind} ok`;
  const color = status === null ? "bg-slate-100 text-slate-400" : status.anomalies > 0 ? "bg-red-600 text-white" : "bg-green-100 text-green-800";
  return (
    <div title={title} aria-label={title} className={`grid h-7 place-items-center rounded text-[10px] font-medium ${color}`}>
      {status === null ? "–" : status.anomalies > 0 ? status.anomalies : "ok"}
    </div>
  );
}

/** Skew and drift state of the last days, one cell per day and kind. */
export function ValidationDays({ days }: { days: EvidenceDetails["days"] }) {
  const anomalous = days.filter((d) => (d.skew?.anomalies ?? 0) > 0);
  const features = [...new Set(anomalous.map((d) => d.skew?.topFeature).filter(Boolean))];
  return (
    <div className="space-y-2 p-4">
      <div className="grid gap-1" style={{ gridTemplateColumns: `3.5rem repeat(${days.length}, minmax(0, 1fr))` }}>
        <div />
        {days.map((d) => <div key={d.day} className="text-center text-[10px] text-slate-500">{d.day.slice(5)}</div>)}
        <div className="self-center text-xs text-slate-600">skew</div>
        {days.map((d) => <div key={`s${d.day}`}>{cell(d.skew, "skew", d.day)}</div>)}
        <div className="self-center text-xs text-slate-600">drift</div>
        {days.map((d) => <div key={`d${d.day}`}>{cell(d.drift, "drift", d.day)}</div>)}
      </div>
      <p className="text-xs text-slate-500">
        {days.every((d) => d.skew === null && d.drift === null)
          ? "No skew or drift report covers these days: validation has not run."
          : anomalous.length > 0
            ? `Skew anomalies on ${anomalous.length} of ${days.length} days${features.length ? `, mostly ${features.join(", ")}` : ""}.`
            : "No skew anomaly on these days."}
      </p>
    </div>
  );
}

/** Reviewer verdicts on the candidate: the split, and the latest comments. */
export function ReviewSummary({ reviews, minReviews }: { reviews: EvidenceDetails["reviews"]; minReviews: number }) {
  const { total } = reviews;
  const share = (n: number) => (total ? (n / total) * 100 : 0);
  return (
    <div className="space-y-3 p-4">
      <div className="flex items-baseline justify-between text-sm">
        <span><span className="text-lg font-semibold tabular">{total}</span> review{total === 1 ? "" : "s"}{minReviews > 0 && <span className="text-slate-500"> of {minReviews} required</span>}</span>
        <span className="text-xs text-slate-500">better {reviews.better} · same {reviews.same} · worse {reviews.worse}</span>
      </div>
      {total > 0 ? (
        <div className="flex h-3 overflow-hidden rounded-full bg-slate-100" role="img" aria-label={`${reviews.better} better, ${reviews.same} same, ${reviews.worse} worse`}>
          <div className="bg-green-500" style={{ width: `${share(reviews.better)}%` }} />
          <div className="bg-slate-400" style={{ width: `${share(reviews.same)}%` }} />
          <div className="bg-red-500" style={{ width: `${share(reviews.worse)}%` }} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">No reviewer has judged this candidate yet.</p>
      )}
      {reviews.recent.length > 0 && (
        <ul className="space-y-1.5 text-sm">
          {reviews.recent.map((r, i) => (
            <li key={i} className="flex gap-2">
              <Badge tone={r.verdict === "better" ? "ok" : r.verdict === "worse" ? "bad" : "neutral"}>{r.verdict}</Badge>
              <span className="text-slate-700">{r.comment || <span className="text-slate-400">no comment</span>}</span>
              <span className="ml-auto shrink-0 text-xs text-slate-400">{r.reviewer}, {shortDate(r.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The listeners whose lists changed most between production and the candidate. */
export function SampleChanges({ samples }: { samples: EvidenceDetails["samples"] }) {
  if (samples.listeners === 0) return <p className="p-4 text-sm text-slate-500">No sampled listener has lists from both versions, so no change can be shown.</p>;
  return (
    <div className="space-y-2 p-4">
      <p className="text-sm text-slate-600">
        {samples.listeners} listeners sampled; on average {((samples.meanOverlap ?? 0) * 100).toFixed(0)}% of the top 10 is shared with production. The largest changes (lowest rank-biased overlap):
      </p>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500"><tr><th className="py-1 pr-3 font-medium">Listener</th><th className="pr-3 font-medium">RBO</th><th className="whitespace-nowrap pr-3 font-medium">Top 10 shared</th><th className="pr-3 font-medium">New in the top 10</th><th className="font-medium">Dropped from it</th></tr></thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {samples.largest.map((s) => (
            <tr key={s.listener}>
              <td className="whitespace-nowrap py-1.5 pr-3 font-mono text-xs">{s.listener}{s.isNew && <span className="ml-1"><Badge tone="info">new</Badge></span>}</td>
              <td className="pr-3 tabular">{s.rbo.toFixed(2)}</td>
              <td className="pr-3 tabular">{(s.overlap * 100).toFixed(0)}%</td>
              <td className="pr-3 text-green-800">{s.added.join(", ") || "—"}</td>
              <td className="text-red-800">{s.dropped.join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
