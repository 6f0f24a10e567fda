import Link from "next/link";
import { AlertsNavBadge } from "@/components/alerts/alerts-nav-badge";
import { NavLink } from "@/components/ui/nav-link";
import { env } from "@/lib/env";
import { signOutAction } from "@/lib/server/actions/auth";
import { requireSessionCtx } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

const NAV = [
  { href: "/", label: "Home" },
  { href: "/review", label: "Review" },
  { href: "/promotions", label: "Promotions" },
  { href: "/alerts", label: "Alerts" },
  { href: "/audit", label: "Audit" },
  { href: "/settings", label: "Settings" },
  { href: "/api-docs", label: "API" },
];

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireSessionCtx();
  const user = ctx.actor.kind === "user" ? ctx.actor : null;
  return (
    <div className="min-h-screen">
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2.5">
          <Link href="/" className="mr-2 flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="grid size-6 place-items-center rounded bg-brand text-xs">SW</span>
            Shelfwatch
            {env().demo && <span className="rounded bg-amber-400/90 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-slate-900">demo</span>}
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {NAV.map((n) => (
              <NavLink key={n.href} href={n.href}>{n.label}{n.href === "/alerts" && <AlertsNavBadge />}</NavLink>
            ))}
          </nav>
          {user && (
            <div className="flex items-center gap-3 text-sm">
              <span className="text-slate-300" data-testid="current-user">
                {user.email} · <span className="font-medium text-white">{user.role}</span>
              </span>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-slate-600 px-2.5 py-1 text-xs hover:bg-slate-800">Sign out</button>
              </form>
            </div>
          )}
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
