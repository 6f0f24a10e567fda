"use client";

import { useActionState, useRef } from "react";
import type { CheckId, Verdict } from "@/lib/gate/evaluate";
import { approvePromotionAction, rejectPromotionAction } from "@/lib/server/actions/promotions";
import { ActionProblem, ActionSuccess, buttonClass, fieldClass } from "./form-bits";

export type DecisionFormProps = {
  requestId: number;
  modelName: string;
  candidate: { id: number; version: number };
  production: { id: number; version: number } | null;
  notPassing: { id: CheckId; label: string; verdict: Verdict; sentence: string }[];
  canApprove: boolean;
  canReject: boolean;
};

/**
 * Approve or reject a request. The form carries the candidate and the production version the lead
 * is looking at; the server refuses if either moved. The confirm dialog names the displaced version.
 */
export function DecisionForm(props: DecisionFormProps) {
  const { requestId, modelName, candidate, production, notPassing } = props;
  const [approved, approve, approving] = useActionState(approvePromotionAction, null);
  const [rejected, reject, rejecting] = useActionState(rejectPromotionAction, null);
  const approveDialog = useRef<HTMLDialogElement>(null);
  const rejectDialog = useRef<HTMLDialogElement>(null);
  const displaced = production ? `v${production.version}` : "nothing (no version is in production)";
  const done = (approved?.ok && approved.data?.status !== "pending") || rejected?.ok;

  return (
    <div className="space-y-3" data-testid="decision-form">
      {!done && (
        <div className="flex flex-wrap gap-2">
          {props.canApprove && (
            <button type="button" className={buttonClass("primary")} onClick={() => approveDialog.current?.showModal()}>
              Approve v{candidate.version}…
            </button>
          )}
          {props.canReject && (
            <button type="button" className={buttonClass("secondary")} onClick={() => rejectDialog.current?.showModal()}>
              Reject…
            </button>
          )}
        </div>
      )}
      <ActionProblem state={approved} />
      <ActionProblem state={rejected} />
      <ActionSuccess state={approved} />
      <ActionSuccess state={rejected} />

      <dialog ref={approveDialog} aria-labelledby={`approve-title-${requestId}`} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50">
        <form action={approve} onSubmit={() => approveDialog.current?.close()} className="space-y-4 p-5">
          <h2 id={`approve-title-${requestId}`} className="text-base font-semibold">Approve v{candidate.version} of {modelName}?</h2>
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="displaces">
            This puts <strong>v{candidate.version}</strong> in production and displaces <strong>{displaced}</strong>. If production changes before you confirm, the approval is refused.
          </p>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="candidateVersionId" value={candidate.id} />
          <input type="hidden" name="expectedProductionVersionId" value={production?.id ?? ""} />
          {notPassing.length > 0 && (
            <fieldset className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
              <legend className="px-1 text-sm font-semibold text-red-900">
                {notPassing.length === 1 ? "1 check does not pass" : `${notPassing.length} checks do not pass`}: override each one to approve
              </legend>
              {notPassing.map((c) => (
                <label key={c.id} className="flex items-start gap-2 text-sm text-red-950">
                  <input type="checkbox" name="overrides" value={c.id} required className="mt-1" />
                  <span>
                    <span className="font-medium">{c.label}</span> ({c.verdict === "fail" ? "failed" : "no data"}): {c.sentence}
                  </span>
                </label>
              ))}
              <label className="block text-sm text-red-950">
                Why approve anyway? <span className="text-xs">(kept in the audit log)</span>
                <textarea name="overrideReason" required minLength={10} rows={2} className={`${fieldClass} mt-1 w-full bg-white`} />
              </label>
            </fieldset>
          )}
          <label className="block text-sm">
            Comment <span className="text-xs text-slate-500">(optional)</span>
            <textarea name="comment" rows={2} className={`${fieldClass} mt-1 w-full`} />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => approveDialog.current?.close()}>Cancel</button>
            <button className={buttonClass("primary")} disabled={approving}>{approving ? "Approving…" : `Approve and replace ${production ? `v${production.version}` : "nothing"}`}</button>
          </div>
        </form>
      </dialog>

      <dialog ref={rejectDialog} aria-labelledby={`reject-title-${requestId}`} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50">
        <form action={reject} onSubmit={() => rejectDialog.current?.close()} className="space-y-4 p-5">
          <h2 id={`reject-title-${requestId}`} className="text-base font-semibold">Reject v{candidate.version} of {modelName}?</h2>
          <p className="text-sm text-slate-600">Production stays on {production ? `v${production.version}` : "no version"}. The requester sees your reason.</p>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="candidateVersionId" value={candidate.id} />
          <label className="block text-sm">
            Reason
            <textarea name="comment" required rows={3} className={`${fieldClass} mt-1 w-full`} />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => rejectDialog.current?.close()}>Cancel</button>
            <button className={buttonClass("danger")} disabled={rejecting}>{rejecting ? "Rejecting…" : "Reject request"}</button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
