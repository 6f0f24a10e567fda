import Link from "next/link";
import { shortDate } from "@/lib/format";
import type { ValidationStateDto } from "@/lib/server/validation/get-validation-state";
import type { KindStateDto } from "@/lib/server/validation/validation-state";
import { comparatorLabel, distance } from "./format";

const reportUrl = (slug: string, id: number, feature?: string) => `/shelves/${encodeURIComponent(slug)}/validation/${id}${feature ? `?feature=${encodeURIComponent(feature)}` : ""}`;

const TITLES = { skew: "Training/serving skew", drift: "Day-to-day drift" } as const;

function KindState({ slug, state }: { slug: string; state: KindStateDto }) {
  const title = TITLES[state.kind];
  if (!state.report) {
    return (
      <div className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid={`state-${state.kind}`}>
        <p className="font-medium text-slate-800">{title}</p>
        <p className="mt-1 text-xs text-slate-500">No report yet: reports appear once serving statistics (and, for skew, the production version&apos;s training statistics) arrive.</p>
      </div>
    );
  }
  if (!state.anomalous) {
    return (
      <div className="rounded-md border border-green-200 bg-green-50 p-3 text-sm" data-testid={`state-${state.kind}`}>
        <p className="font-medium text-green-900">{title}: none</p>
        <p className="mt-1 text-xs text-green-800">
          Every feature within its threshold on <Link className="underline" href={reportUrl(slug, state.report.id)}>{state.report.day ? shortDate(state.report.day) : "the newest report"}</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm" data-testid={`state-${state.kind}`}>
      <p className="font-semibold text-red-900">
        {title}
        {state.since && state.sinceReportId !== null && (
          <>
            {" "}since{" "}
            <Link className="underline" href={reportUrl(slug, state.sinceReportId, state.features[0]?.feature)} data-testid={`since-${state.kind}`}>
              {shortDate(state.since)}
            </Link>
          </>
        )}
      </p>
      <ul className="mt-2 space-y-1 text-xs text-red-900">
        {state.features.map((f) => (
          <li key={f.feature} className="flex flex-wrap items-baseline gap-x-2">
            <Link href={reportUrl(slug, state.report!.id, f.feature)} className="font-mono font-semibold underline">{f.feature}</Link>
            <span className="tabular">{comparatorLabel(f.comparator)} {distance(f.distance)} &gt; threshold {distance(f.threshold)}</span>
            {f.since && f.sinceReportId !== null && (
              <span>
                · first on <Link className="underline" href={reportUrl(slug, f.sinceReportId, f.feature)}>{shortDate(f.since)}</Link>
              </span>
            )}
          </li>
        ))}
        {state.schema.map((text) => <li key={text}>{text}</li>)}
      </ul>
    </div>
  );
}

/** Skew and drift state of a shelf: red with the features and their first day, or green, each linked to its report. */
export function ValidationStatePanel({ slug, state }: { slug: string; state: ValidationStateDto }) {
  return (
    <div className="grid gap-3 md:grid-cols-2" data-testid="validation-state">
      <KindState slug={slug} state={state.skew} />
      <KindState slug={slug} state={state.drift} />
    </div>
  );
}
