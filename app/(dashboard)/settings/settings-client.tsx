"use client";

import { useActionState } from "react";
import { createTokenAction, createUserAction, revokeTokenAction, setUserRoleAction } from "@/lib/server/actions/settings";
import type { TokenDto } from "@/lib/server/tokens/list-tokens";
import type { UserRowDto } from "@/lib/server/users/list-users";

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand focus:outline-none";
const button = "rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60";
const ROLES = ["viewer", "engineer", "reviewer", "lead", "admin"];

function Problem({ state }: { state: { ok: boolean; error?: string; fields?: { path: string; message: string }[] } | null }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="text-sm text-bad">
      {state.error}
      {state.fields?.length ? ` (${state.fields.map((f) => `${f.path}: ${f.message}`).join("; ")})` : ""}
    </p>
  );
}

export function TokensPanel({ tokens }: { tokens: TokenDto[] }) {
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <div className="space-y-4 p-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">Name<br /><input name="name" required placeholder="weekly-retrain-pipeline" className={input} /></label>
        <fieldset className="text-sm">
          <legend>Scopes</legend>
          <div className="flex gap-3 py-1.5">
            {["ingest", "gate", "read"].map((s) => (
              <label key={s} className="flex items-center gap-1"><input type="checkbox" name="scopes" value={s} defaultChecked={s !== "gate"} /> {s}</label>
            ))}
          </div>
        </fieldset>
        <button className={button} disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
      </form>
      <Problem state={state} />
      {state?.ok && state.data && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">Token “{state.data.name}” created. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs">{state.data.token}</code>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500"><tr><th className="py-1">Name</th><th>Prefix</th><th>Scopes</th><th>Created</th><th>Last used</th><th>Status</th><th /></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-1.5 font-medium">{t.name}</td>
                <td className="font-mono text-xs">sw_{t.prefix}_…</td>
                <td>{t.scopes.join(", ")}</td>
                <td className="text-xs">{t.createdAt.slice(0, 10)}{t.createdBy ? ` by ${t.createdBy}` : ""}</td>
                <td className="text-xs">{t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}</td>
                <td>{t.revokedAt ? <span className="text-bad">revoked</span> : <span className="text-ok">active</span>}</td>
                <td className="text-right">
                  {!t.revokedAt && (
                    <form action={async (fd) => { await revokeTokenAction(fd); }}>
                      <input type="hidden" name="id" value={t.id} />
                      <button className="text-xs text-bad hover:underline">Revoke</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function UsersPanel({ users, selfId }: { users: UserRowDto[]; selfId: string }) {
  const [state, action, pending] = useActionState(createUserAction, null);
  const [roleState, roleAction] = useActionState(setUserRoleAction, null);
  return (
    <div className="space-y-4 p-4">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500"><tr><th className="py-1">User</th><th>Role</th><th>Lead of</th><th /></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <tr key={u.id}>
              <td className="py-1.5"><span className="font-medium">{u.name}</span> <span className="text-xs text-slate-500">{u.email}</span></td>
              <td colSpan={3}>
                <form action={roleAction} className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="userId" value={u.id} />
                  <select name="role" defaultValue={u.role} className={input} aria-label={`Role of ${u.email}`} disabled={u.id === selfId}>
                    {ROLES.map((r) => <option key={r}>{r}</option>)}
                  </select>
                  <input name="leadShelves" defaultValue={u.leadShelves.join(", ")} placeholder="all shelves" className={`${input} w-56`} aria-label={`Shelves led by ${u.email}`} disabled={u.id === selfId} />
                  {u.id !== selfId && <button className="text-xs text-brand hover:underline">Save</button>}
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Problem state={roleState} />
      <form action={action} className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
        <label className="text-sm">Email<br /><input name="email" type="email" required className={input} /></label>
        <label className="text-sm">Name<br /><input name="name" required className={input} /></label>
        <label className="text-sm">Role<br />
          <select name="role" className={input} defaultValue="viewer">{ROLES.map((r) => <option key={r}>{r}</option>)}</select>
        </label>
        <label className="text-sm">Lead of (slugs)<br /><input name="leadShelves" placeholder="all shelves" className={input} /></label>
        <label className="text-sm">Initial password<br /><input name="password" type="password" minLength={8} required className={input} /></label>
        <button className={button} disabled={pending}>{pending ? "Adding…" : "Add user"}</button>
      </form>
      <Problem state={state} />
      {state?.ok && <p role="status" className="text-sm text-ok">User added.</p>}
    </div>
  );
}
