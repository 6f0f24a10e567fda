"use client";

import { Pause, Play, Send, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { ALERT_KIND_LABEL } from "@/components/alerts/alert-kind";
import { createWebhookAction, deleteWebhookAction, sendTestWebhookAction, setWebhookActiveAction } from "@/lib/server/actions/webhooks";
import type { WebhookDto } from "@/lib/server/webhooks/list-webhooks";
import { DeliveryLog } from "./webhook-delivery-log";

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand focus:outline-none";
const button = "rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60";
const small = "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

export const EVENT_LABEL: Record<string, string> = { ...ALERT_KIND_LABEL, deployment: "Production changed", alert_resolved: "Alert resolved", test: "Test" };
const EVENT_GROUPS = [
  { label: "Alerts", events: ["skew", "drift", "schema", "evaluation_regression", "missed_retrain", "gate_failure"] },
  { label: "Other", events: ["deployment", "alert_resolved"] },
];

type Result = { ok: boolean; error?: string; fields?: { path: string; message: string }[] } | null;

function Problem({ state }: { state: Result }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="text-sm text-bad">
      {state.error}
      {state.fields?.length ? ` (${state.fields.map((f) => `${f.path}: ${f.message}`).join("; ")})` : ""}
    </p>
  );
}

/** Refreshes the page a few times after a test is queued, so that the delivery log shows the outcome. */
function useRefreshAfter(trigger: unknown) {
  const router = useRouter();
  useEffect(() => {
    if (!trigger) return;
    const timers = [1_500, 4_000, 10_000].map((ms) => setTimeout(() => router.refresh(), ms));
    return () => timers.forEach(clearTimeout);
  }, [trigger, router]);
}

function WebhookRow({ hook }: { hook: WebhookDto }) {
  const [testState, test, testing] = useActionState(sendTestWebhookAction, null);
  const [toggleState, toggle, toggling] = useActionState(setWebhookActiveAction, null);
  const [deleteState, remove, deleting] = useActionState(deleteWebhookAction, null);
  useRefreshAfter(testState?.ok ? testState : null);
  const scope = hook.shelf ? `shelf ${hook.shelf.title}` : hook.team ? `team ${hook.team}` : "every shelf";
  return (
    <li className="rounded-md border border-slate-200" data-testid={`webhook-${hook.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-3 px-3 py-2.5">
        <div className="min-w-0">
          <p className="flex items-center gap-2 text-sm font-medium">
            {hook.name}
            <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${hook.active ? "bg-green-50 text-green-800" : "bg-slate-100 text-slate-600"}`}>{hook.active ? "active" : "paused"}</span>
          </p>
          <p className="truncate font-mono text-xs text-slate-500" title={hook.url}>{hook.url}</p>
          <p className="mt-1 text-xs text-slate-600">
            {scope} · {hook.events.map((e) => EVENT_LABEL[e] ?? e).join(", ")}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <form action={test}>
            <input type="hidden" name="id" value={hook.id} />
            <button className={small} disabled={testing || !hook.active}><Send className="size-3.5" aria-hidden /> {testing ? "Queuing…" : "Send test"}</button>
          </form>
          <form action={toggle}>
            <input type="hidden" name="id" value={hook.id} />
            <input type="hidden" name="active" value={String(!hook.active)} />
            <button className={small} disabled={toggling}>{hook.active ? <><Pause className="size-3.5" aria-hidden /> Pause</> : <><Play className="size-3.5" aria-hidden /> Resume</>}</button>
          </form>
          <form action={remove} onSubmit={(e) => { if (!confirm(`Delete the webhook “${hook.name}” and its delivery log?`)) e.preventDefault(); }}>
            <input type="hidden" name="id" value={hook.id} />
            <button className={`${small} text-bad`} disabled={deleting}><Trash2 className="size-3.5" aria-hidden /> Delete</button>
          </form>
        </div>
      </div>
      {testState?.ok && <p role="status" className="px-3 pb-2 text-xs text-ok">Test message queued; its delivery appears below within seconds.</p>}
      <div className="px-3 pb-2"><Problem state={testState} /><Problem state={toggleState} /><Problem state={deleteState} /></div>
      <DeliveryLog deliveries={hook.deliveries} />
    </li>
  );
}

/** The configured webhooks, each with its actions and latest deliveries. */
export function WebhookList({ webhooks }: { webhooks: WebhookDto[] }) {
  if (webhooks.length === 0) return <p className="text-sm text-slate-500">No webhooks yet. Add one below to post alerts to a chat channel.</p>;
  return <ul className="space-y-3">{webhooks.map((h) => <WebhookRow key={h.id} hook={h} />)}</ul>;
}

/** The form that adds a webhook, and the secret shown once after. */
export function CreateWebhookForm({ shelves, teams }: { shelves: { slug: string; title: string }[]; teams: string[] }) {
  const [state, action, pending] = useActionState(createWebhookAction, null);
  const [scope, setScope] = useState("all");
  return (
    <form action={action} className="space-y-3 border-t border-slate-100 pt-4" aria-label="Add a webhook">
      <h3 className="text-sm font-semibold">Add a webhook</h3>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">Name<br /><input name="name" required placeholder="#podcast-alerts" className={input} /></label>
        <label className="min-w-80 flex-1 text-sm">URL<br /><input name="url" type="url" required placeholder="https://hooks.slack.com/services/…" className={`${input} w-full`} /></label>
        <label className="text-sm">For<br />
          <select name="scope" value={scope} onChange={(e) => setScope(e.target.value)} className={input}>
            <option value="all">every shelf</option>
            <option value="shelf">one shelf</option>
            <option value="team">one team</option>
          </select>
        </label>
        {scope === "shelf" && (
          <label className="text-sm">Shelf<br />
            <select name="shelf" className={input}>{shelves.map((s) => <option key={s.slug} value={s.slug}>{s.title}</option>)}</select>
          </label>
        )}
        {scope === "team" && (
          <label className="text-sm">Team<br />
            <select name="team" className={input}>{teams.map((t) => <option key={t}>{t}</option>)}</select>
          </label>
        )}
      </div>
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <legend className="mb-1 text-sm">Events</legend>
        {EVENT_GROUPS.map((g) => (
          <div key={g.label} className="flex flex-wrap items-center gap-3">
            <span className="text-xs text-slate-500">{g.label}</span>
            {g.events.map((e) => (
              <label key={e} className="flex items-center gap-1"><input type="checkbox" name="events" value={e} defaultChecked={e !== "alert_resolved"} /> {EVENT_LABEL[e]}</label>
            ))}
          </div>
        ))}
      </fieldset>
      <button className={button} disabled={pending}>{pending ? "Adding…" : "Add webhook"}</button>
      <Problem state={state} />
      {state?.ok && state.data && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">Webhook “{state.data.name}” added. Copy its signing secret now: it will not be shown again.</p>
          <code data-testid="new-webhook-secret" className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs">{state.data.secret}</code>
        </div>
      )}
    </form>
  );
}
