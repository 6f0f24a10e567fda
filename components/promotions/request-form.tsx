"use client";

import { useActionState, useRef } from "react";
import { requestPromotionAction } from "@/lib/server/actions/promotions";
import { ActionProblem, ActionSuccess, buttonClass, fieldClass } from "./form-bits";

/** A person asks for a version to go live; the dialog says what it would displace and what still fails. */
export function RequestForm({ model, version, production, notPassing, rolledBack }: { model: string; version: number; production: number | null; notPassing: number; rolledBack: boolean }) {
  const [state, action, pending] = useActionState(requestPromotionAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div className="space-y-2">
      {!state?.ok && (
        <button type="button" className={buttonClass("primary")} onClick={() => dialog.current?.showModal()}>
          Request promotion of v{version}…
        </button>
      )}
      <ActionProblem state={state} />
      <ActionSuccess state={state} />
      <dialog ref={dialog} aria-labelledby={`request-${version}`} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50">
        <form action={action} onSubmit={() => dialog.current?.close()} className="space-y-4 p-5">
          <h2 id={`request-${version}`} className="text-base font-semibold">Request v{version} of {model} for production?</h2>
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            If approved, v{version} displaces <strong>{production ? `v${production}` : "nothing (no version is in production)"}</strong>.
            {notPassing > 0 && ` ${notPassing} gate check${notPassing === 1 ? " does" : "s do"} not pass: a lead will have to override ${notPassing === 1 ? "it" : "them"} explicitly.`}
            {rolledBack && " This version was rolled back before; your request is the explicit ask that allows it back."}
          </p>
          <input type="hidden" name="model" value={model} />
          <input type="hidden" name="version" value={version} />
          <label className="block text-sm">
            Why should it go live?
            <textarea name="reason" required rows={3} className={`${fieldClass} mt-1 w-full`} />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>Cancel</button>
            <button className={buttonClass("primary")} disabled={pending}>{pending ? "Requesting…" : "Request promotion"}</button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
