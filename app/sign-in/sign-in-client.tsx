"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/server/actions/auth";

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const fieldError = (name: string) => state.fields?.find((f) => f.path === name)?.message;
  return (
    <form action={action} className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" defaultValue={state.email} required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand focus:outline-none" />
        {fieldError("email") && <span className="mt-1 block text-xs text-bad">{fieldError("email")}</span>}
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand focus:outline-none" />
        {fieldError("password") && <span className="mt-1 block text-xs text-bad">{fieldError("password")}</span>}
      </label>
      {state.error && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-bad">{state.error}</p>}
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-brand px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
