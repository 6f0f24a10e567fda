import { Card, CardHeader } from "@/components/ui/card";
import { DEFAULT_THRESHOLDS } from "@/lib/drift/compare";
import type { Ctx } from "@/lib/server/context";
import { listFeatureConfigs } from "@/lib/server/validation/list-feature-configs";
import { FeatureThresholdForm } from "./feature-threshold-form";

/**
 * The feature thresholds card of Settings, for engineers, leads and admins: per model and feature the
 * comparator and the skew and drift thresholds. Saving one recomputes every report of the model for
 * that feature, so Home, alerts and the gate see the new verdicts at once.
 */
export async function FeatureThresholdsPanel({ ctx }: { ctx: Ctx }) {
  const models = await listFeatureConfigs({ ctx });
  return (
    <Card id="feature-thresholds" data-testid="feature-thresholds-panel">
      <CardHeader
        title="Feature thresholds"
        description={`Per feature, the comparator and the distance above which skew or drift is an anomaly. Defaults: L-infinity for categorical features and Jensen-Shannon divergence for numeric ones (as TFDV), threshold ${DEFAULT_THRESHOLDS.l_infinity} for both kinds.`}
      />
      {models.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">No model is registered yet.</p>
      ) : (
        <div className="divide-y divide-slate-200">
          {models.map((m, i) => (
            <details key={m.model} open={i === 0} className="group">
              <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-900 hover:bg-slate-50">
                {m.shelf.title} <span className="font-normal text-slate-500">· {m.model} · {m.features.length} features</span>
              </summary>
              {m.features.length === 0 ? (
                <p className="px-4 pb-3 text-sm text-slate-500">No statistics yet: features appear with the first profile.</p>
              ) : (
                <div className="divide-y divide-slate-100 border-t border-slate-100">
                  {m.features.map((row) => <FeatureThresholdForm key={row.feature} model={m.model} row={row} />)}
                </div>
              )}
            </details>
          ))}
        </div>
      )}
    </Card>
  );
}
