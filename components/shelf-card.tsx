import Link from "next/link";
import { age, metric, shortDate, signed } from "@/lib/format";
import type { ShelfCardDto } from "@/lib/server/shelves/list-shelf-cards";
import { ChartSparklinePrimaryMetric } from "./charts/chart-sparkline-primary-metric";
import { Badge } from "./ui/badge";
import { Card } from "./ui/card";

function better(direction: ShelfCardDto["direction"], a: number, b: number) {
  return direction === "higher_is_better" ? a > b : a < b;
}

/** A shelf on Home: production and its age, the candidate against threshold and production, retrain, alerts. */
export function ShelfCard({ card, now }: { card: ShelfCardDto; now: Date }) {
  const c = card.candidate;
  const passes = c?.score != null && card.threshold != null ? !better(card.direction, card.threshold, c.score) : null;
  const delta = c?.score != null && card.production?.score != null ? c.score - card.production.score : null;
  const deltaGood = delta != null && delta !== 0 ? better(card.direction, delta, 0) : null;
  return (
    <Card className="flex flex-col" data-testid={`shelf-card-${card.slug}`} aria-label={card.title}>
      <div className="flex items-start justify-between gap-3 border-b border-slate-100 px-4 py-3">
        <div>
          <h2 className="font-semibold text-slate-900">
            <Link href={`/shelves/${card.slug}`} className="hover:underline">{card.title}</Link>
          </h2>
          <p className="text-xs text-slate-500">{card.modelName ?? "no model"} · {card.team}</p>
        </div>
        {card.openAlerts > 0 ? (
          <Link href={`/alerts?shelf=${card.slug}`} className="hover:opacity-80" data-testid="shelf-open-alerts">
            <Badge tone="bad">{card.openAlerts} open alert{card.openAlerts > 1 ? "s" : ""}</Badge>
          </Link>
        ) : (
          <Badge tone="ok">no alerts</Badge>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Production</dt>
          <dd className="font-medium" data-testid="production-version">
            {card.production ? `v${card.production.version}` : "none"}
            {card.production?.since && <span className="ml-1 text-xs font-normal text-slate-500">for {age(card.production.since, now)}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Last retrain</dt>
          <dd className="font-medium">
            {card.lastRetrainAt ? shortDate(card.lastRetrainAt) : "never"}
            {card.retrainOverdue && <span className="ml-1"><Badge tone="warn" title="No new version for more than 8 days">overdue</Badge></span>}
          </dd>
        </div>
        <div className="col-span-2 rounded-md bg-slate-50 p-3">
          <dt className="flex items-center justify-between text-xs text-slate-500">
            <span>Candidate {c ? <span className="font-medium text-slate-800">v{c.version}</span> : null}</span>
            {c?.pendingPromotionId && <Badge tone="info">promotion pending</Badge>}
          </dt>
          <dd className="mt-1">
            {!c ? (
              <span className="text-slate-500">No candidate waiting: production is the newest version.</span>
            ) : (
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="text-lg font-semibold tabular" data-testid="candidate-score">
                  {card.primaryMetric} {metric(c.score)}
                </span>
                {passes !== null && (
                  <Badge tone={passes ? "ok" : "bad"}>{passes ? "meets" : "below"} threshold {metric(card.threshold)}</Badge>
                )}
                {delta !== null && (
                  <span className={`text-xs tabular ${deltaGood === null ? "text-slate-500" : deltaGood ? "text-ok" : "text-bad"}`}>
                    {signed(delta)} vs production
                  </span>
                )}
              </div>
            )}
            {card.primaryMetric && <ChartSparklinePrimaryMetric points={card.trend} threshold={card.threshold} metric={card.primaryMetric} />}
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-xs text-slate-500">Data validation</dt>
          <dd className="mt-1 flex flex-wrap gap-2">
            {card.validation.length === 0 ? (
              <span className="text-xs text-slate-500">No skew or drift reports yet.</span>
            ) : (
              card.validation.map((v) => {
                // Red from the first day: the badge names the features and the day the run of anomalies began.
                const red = v.anomalies > 0 || v.schemaAnomalies > 0;
                const what = v.features.length > 0 ? `${v.features[0]}${v.features.length > 1 ? ` +${v.features.length - 1}` : ""}` : `${v.schemaAnomalies} schema change${v.schemaAnomalies > 1 ? "s" : ""}`;
                return (
                  <Link key={v.kind} href={`/shelves/${card.slug}/validation${v.kind === "skew" ? "" : `?kind=${v.kind}`}`} className="hover:opacity-80" data-testid={`validation-badge-${v.kind}`}>
                    <Badge tone={red ? "bad" : "ok"} title={red ? `${v.features.join(", ")} — newest ${v.kind} report ${v.day}` : v.day ? `newest ${v.kind} report: ${v.day}` : undefined}>
                      {v.kind}: {red ? `${v.since ? `since ${shortDate(v.since)}: ` : ""}${what}` : "ok"}
                    </Badge>
                  </Link>
                );
              })
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
