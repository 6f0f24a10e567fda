import { Card, CardHeader } from "@/components/ui/card";
import type { Ctx } from "@/lib/server/context";
import { listGatePolicies } from "@/lib/server/gate-policies/list-gate-policies";
import { GatePolicyForm } from "./gate-policy-form";

/** The gate policies card of Settings: one form per model, for admins. */
export async function GatePoliciesPanel({ ctx }: { ctx: Ctx }) {
  const rows = await listGatePolicies({ ctx });
  return (
    <Card data-testid="gate-policies-panel">
      <CardHeader
        title="Gate policies"
        description="What a version must show before it goes live, per model. An empty field switches its rule off; a check without data blocks. With 0 approvals required, a pipeline may push by itself when every check passes; otherwise a lead of the shelf approves."
      />
      {rows.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">No model is registered yet.</p>
      ) : (
        <div className="divide-y divide-slate-100">
          {rows.map((row) => <GatePolicyForm key={row.model} row={row} />)}
        </div>
      )}
    </Card>
  );
}
