import Link from "next/link";

type Filters = { actor?: string; action?: string; subject?: string; from?: string; to?: string };

const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand focus:outline-none";

/** The audit log's filters as a plain GET form: they end up in the URL, and work without JavaScript. */
export function AuditFilters({ state, actions }: { state: Filters; actions: string[] }) {
  // Each family of actions ("promotion.", "deployment.") can be chosen whole.
  const prefixes = actions.map((a) => a.split(".")[0]);
  const families = [...new Set(prefixes)].filter((f) => prefixes.filter((p) => p === f).length > 1).sort();
  return (
    <form method="get" action="/audit" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" aria-label="Filter events">
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Actor
        <input name="actor" defaultValue={state.actor ?? ""} placeholder="email or token name" className={`${input} w-52`} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Action
        <select name="action" defaultValue={state.action ?? ""} className={`${input} w-56`}>
          <option value="">any action</option>
          {families.length > 0 && (
            <optgroup label="Families">
              {families.map((f) => <option key={f} value={`${f}.`}>{f}.*</option>)}
            </optgroup>
          )}
          <optgroup label="Actions">
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </optgroup>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Subject
        <input name="subject" defaultValue={state.subject ?? ""} placeholder="type, id or type:id" className={`${input} w-52`} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        From
        <input type="date" name="from" defaultValue={state.from ?? ""} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        To
        <input type="date" name="to" defaultValue={state.to ?? ""} className={input} />
      </label>
      <button className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">Filter</button>
      <Link href="/audit" className="py-1.5 text-xs text-slate-500 hover:underline">Clear</Link>
    </form>
  );
}
