import { getOpenAlertCount } from "@/lib/server/auth/session";

/** The number of open alerts beside "Alerts" in the navigation (nothing when there are none). */
export async function AlertsNavBadge() {
  const open = await getOpenAlertCount().catch(() => 0);
  if (open === 0) return null;
  return (
    <span data-testid="nav-open-alerts" aria-label={`${open} open alert${open === 1 ? "" : "s"}`} className="ml-1.5 inline-grid min-w-5 place-items-center rounded-full bg-red-600 px-1.5 text-[11px] font-semibold leading-5 text-white tabular">
      {open > 99 ? "99+" : open}
    </span>
  );
}
