"use client";

import { useActionState, useRef, useState } from "react";
import { rollbackAction } from "@/lib/server/actions/promotions";
import { ActionProblem, ActionSuccess, buttonClass, fieldClass } from "./form-bits";

/** Roll production back to the previous version (default) or a chosen earlier one; the dialog names what is displaced. */
export function RollbackForm({ model, production, previous, targets }: { model: string; production: { id: number; version: number }; previous: number | null; targets: number[] }) {
  const [state, action, pending] = useActionState(rollbackAction, null);
  const [target, setTarget] = useState<string>(previous === null ? String(targets[0] ?? "") : "");
  const dialog = useRef<HTMLDialogElement>(null);
  const goingTo = target === "" ? previous : Number(target);
  if (previous === null && targets.length === 0) return <p className="text-xs text-slate-500">No earlier production version to roll back to.</p>;
  return (
    <div className="flex flex-col items-end gap-2">
      <button type="button" className={buttonClass("dangerOutline")} onClick={() => dialog.current?.showModal()}>
        Roll back…
      </button>
      <ActionProblem state={state} />
      <ActionSuccess state={state} />
      <dialog ref={dialog} aria-labelledby={`rollback-${model}`} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50">
        <form action={action} onSubmit={() => dialog.current?.close()} className="space-y-4 p-5">
          <h2 id={`rollback-${model}`} className="text-base font-semibold">Roll back {model}?</h2>
          <input type="hidden" name="model" value={model} />
          <input type="hidden" name="expectedProductionVersionId" value={production.id} />
          <label className="block text-sm">
            Back to
            <select name="toVersion" value={target} onChange={(e) => setTarget(e.target.value)} className={`${fieldClass} mt-1 w-full`}>
              {previous !== null && <option value="">the previous version, v{previous}</option>}
              {targets.filter((v) => v !== previous).map((v) => (
                <option key={v} value={v}>v{v}</option>
              ))}
            </select>
          </label>
          <p className="rounded-md bg-red-50 p-3 text-sm text-red-900" data-testid="rollback-displaces">
            This displaces <strong>v{production.version}</strong>, in production now, with <strong>v{goingTo}</strong>. The gate will not push v{production.version} again unless someone asks for it explicitly.
          </p>
          <label className="block text-sm">
            Reason
            <textarea name="reason" required minLength={5} rows={2} className={`${fieldClass} mt-1 w-full`} />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>Cancel</button>
            <button className={buttonClass("danger")} disabled={pending}>{pending ? "Rolling back…" : `Replace v${production.version} with v${goingTo}`}</button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
