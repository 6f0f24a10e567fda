"use client";

import { ShieldCheck, ShieldX } from "lucide-react";
import Link from "next/link";
import { useActionState } from "react";
import { verifyAuditChainAction } from "@/lib/server/actions/audit";

/** For admins: walks the whole chain on the server and names the first event that does not match. */
export function VerifyChainButton() {
  const [state, action, pending] = useActionState(verifyAuditChainAction, null);
  const verdict = state?.ok ? state.data : null;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm">
      <form action={action}>
        <button className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60" disabled={pending}>
          <ShieldCheck className="size-4" aria-hidden />
          {pending ? "Verifying the chain…" : "Verify chain"}
        </button>
      </form>
      {!state && <span className="text-xs text-slate-500">Recomputes every event&apos;s hash from the first one and names the first that does not match.</span>}
      {state && !state.ok && <p role="alert" className="text-bad">{state.error}</p>}
      {verdict?.ok && (
        <p role="status" className="inline-flex items-center gap-1.5 text-green-900" data-testid="chain-verdict">
          <ShieldCheck className="size-4 text-ok" aria-hidden />
          Chain intact: {verdict.checked.toLocaleString("en-US")} events verified.
        </p>
      )}
      {verdict && !verdict.ok && (
        <p role="alert" className="flex flex-1 gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-1.5 text-red-900" data-testid="chain-verdict">
          <ShieldX className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Chain broken at{" "}
            <Link href={`/audit?before=${verdict.brokenAt.id + 1}`} className="font-semibold underline">event #{verdict.brokenAt.id}</Link> ({verdict.brokenAt.action}, {verdict.brokenAt.createdAt}): {verdict.brokenAt.reason}. {verdict.checked} events before it verified.
          </span>
        </p>
      )}
    </div>
  );
}
