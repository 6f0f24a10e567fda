import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { env } from "@/lib/env";
import { getSessionCtx } from "@/lib/server/auth/session";
import { SignInForm } from "./sign-in-client";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getSessionCtx()) redirect("/");
  const demo = env().demo;
  return (
    <main className="mx-auto flex min-h-screen max-w-4xl flex-col items-center justify-center gap-10 p-6 md:flex-row md:items-start md:pt-32">
      <section className="w-full max-w-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Shelfwatch</h1>
        <p className="mt-1 text-sm text-slate-600">The control room for the models behind Home&apos;s shelves.</p>
        <SignInForm />
      </section>
      {demo && (
        <section className="w-full max-w-sm rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm" aria-label="Demo accounts">
          <h2 className="font-medium text-amber-900">Demo accounts</h2>
          <p className="mt-1 text-amber-800">
            Every demo account uses the password <code className="rounded bg-white px-1">{DEMO_PASSWORD}</code>.
          </p>
          <ul className="mt-3 space-y-1">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email} className="flex justify-between gap-3">
                <span className="font-mono text-xs">{a.email}</span>
                <span className="text-amber-900">{a.role}{a.leadShelves.length ? ` (${a.leadShelves.join(", ")})` : ""}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
