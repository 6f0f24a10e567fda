import Link from "next/link";
import type { AlertFilters } from "@/app/(dashboard)/alerts/search-params";
import { ALERT_KINDS } from "@/lib/schemas/alerts";
import type { AlertListDto } from "@/lib/server/alerts/list-alerts";
import { ALERT_KIND_LABEL } from "./alert-kind";

type Props = { filters: AlertFilters; list: AlertListDto; href: (change: Partial<AlertFilters>) => string };

function Chip({ href, active, children, testId }: { href: string; active: boolean; children: React.ReactNode; testId?: string }) {
  return (
    <Link
      href={href}
      data-testid={testId}
      aria-current={active ? "true" : undefined}
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset ${active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
    >
      {children}
    </Link>
  );
}

const Count = ({ n }: { n: number }) => <span className="tabular opacity-70">{n}</span>;

/** Status tabs, kind chips (with live counts) and shelf chips; every filter is a link, so it is in the URL. */
export function AlertFilterBar({ filters, list, href }: Props) {
  const { counts } = list;
  const statuses = [
    { value: "active", label: "Active", n: counts.open + counts.acknowledged },
    { value: "open", label: "Open", n: counts.open },
    { value: "acknowledged", label: "Acknowledged", n: counts.acknowledged },
    { value: "resolved", label: "Resolved", n: counts.resolved },
    { value: "all", label: "All", n: counts.open + counts.acknowledged + counts.resolved },
  ] as const;
  return (
    <div className="space-y-3">
      <nav aria-label="Status" className="flex flex-wrap gap-1 border-b border-slate-200">
        {statuses.map((s) => {
          const active = filters.status === s.value;
          return (
            <Link
              key={s.value}
              href={href({ status: s.value })}
              aria-current={active ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand text-brand" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {s.label} <Count n={s.n} />
            </Link>
          );
        })}
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-12 text-xs text-slate-500">Kind</span>
        <Chip href={href({ kind: undefined })} active={!filters.kind}>All kinds</Chip>
        {ALERT_KINDS.map((k) => (
          <Chip key={k} href={href({ kind: k })} active={filters.kind === k} testId={`kind-${k}`}>
            {ALERT_KIND_LABEL[k]} {list.liveByKind[k] > 0 && <Count n={list.liveByKind[k]} />}
          </Chip>
        ))}
      </div>
      {list.shelves.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="w-12 text-xs text-slate-500">Shelf</span>
          <Chip href={href({ shelf: undefined })} active={!filters.shelf}>All shelves</Chip>
          {list.shelves.map((s) => (
            <Chip key={s.slug} href={href({ shelf: s.slug })} active={filters.shelf === s.slug}>{s.title}</Chip>
          ))}
        </div>
      )}
    </div>
  );
}
