"use client";

import { Check, CheckCheck } from "lucide-react";
import { useActionState } from "react";
import { acknowledgeAlertAction, resolveAlertAction } from "@/lib/server/actions/alerts";

/** Acknowledge and resolve buttons of one alert; errors (someone was faster) show inline. */
export function AlertActions({ id, status }: { id: number; status: "open" | "acknowledged" | "resolved" }) {
  const [ackState, acknowledge, acking] = useActionState(acknowledgeAlertAction, null);
  const [resState, resolve, resolving] = useActionState(resolveAlertAction, null);
  if (status === "resolved") return null;
  const error = (ackState && !ackState.ok && ackState.error) || (resState && !resState.ok && resState.error);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        {status === "open" && (
          <form action={acknowledge}>
            <input type="hidden" name="id" value={id} />
            <button disabled={acking || resolving} className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60">
              <Check className="size-3.5" aria-hidden /> {acking ? "Acknowledging…" : "Acknowledge"}
            </button>
          </form>
        )}
        <form action={resolve}>
          <input type="hidden" name="id" value={id} />
          <button disabled={acking || resolving} className="inline-flex items-center gap-1 rounded-md bg-brand px-2.5 py-1 text-xs font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            <CheckCheck className="size-3.5" aria-hidden /> {resolving ? "Resolving…" : "Resolve"}
          </button>
        </form>
      </div>
      {error && <p role="alert" className="max-w-56 text-right text-xs text-bad">{error}</p>}
    </div>
  );
}
