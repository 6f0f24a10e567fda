"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { metric, shortDate } from "@/lib/format";
import type { VersionSort } from "@/lib/schemas/registry";
import type { VersionTableDto } from "@/lib/server/registry/list-version-rows";
import { StatusBadge } from "./status-badge";

/** Links the table needs, built on the server from the page's URL state. */
export type VersionsTableLinks = { sort: Record<VersionSort, string>; first: string; previous: string; next: string; last: string };

function SortHeader({ table, sort, label, href, className = "" }: { table: VersionTableDto; sort: VersionSort; label: string; href: string; className?: string }) {
  const active = table.sort === sort;
  const Icon = table.dir === "desc" ? ArrowDown : ArrowUp;
  return (
    <th scope="col" className={`px-3 py-2 font-medium ${className}`} aria-sort={active ? (table.dir === "desc" ? "descending" : "ascending") : "none"}>
      <Link href={href} className="inline-flex items-center gap-1 hover:text-slate-900" scroll={false}>
        {label}
        {active && <Icon className="size-3" aria-hidden />}
      </Link>
    </th>
  );
}

function Pager({ table, links }: { table: VersionTableDto; links: VersionsTableLinks }) {
  const link = (page: number, href: string, label: string, rel?: string) =>
    page >= 1 && page <= table.pageCount && page !== table.page ? (
      <Link href={href} rel={rel} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50" scroll={false}>{label}</Link>
    ) : (
      <span className="rounded-md border border-slate-200 px-2 py-1 text-slate-300" aria-disabled>{label}</span>
    );
  const from = (table.page - 1) * table.pageSize + 1;
  const to = Math.min(table.total, table.page * table.pageSize);
  return (
    <nav aria-label="Versions pages" className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
      <span data-testid="versions-range">
        {table.total === 0 ? "No versions" : `${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")} of ${table.total.toLocaleString("en-US")} versions`} · page {table.page} of {table.pageCount}
      </span>
      <span className="flex gap-1">
        {link(1, links.first, "First")}
        {link(table.page - 1, links.previous, "Previous", "prev")}
        {link(table.page + 1, links.next, "Next", "next")}
        {link(table.pageCount, links.last, "Last")}
      </span>
    </nav>
  );
}

/**
 * The shelf's versions, one page sorted on the server; every link keeps the rest of the page's URL state.
 * A client component only so that the rows travel to the browser once, as data.
 */
export function VersionsTable({ slug, table, links }: { slug: string; table: VersionTableDto; links: VersionsTableLinks }) {
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="versions-table">
          <thead className="border-b border-slate-100 text-xs text-slate-500">
            <tr>
              <SortHeader table={table} sort="version" label="Version" href={links.sort.version} />
              <SortHeader table={table} sort="trained" label="Trained" href={links.sort.trained} />
              <th scope="col" className="px-3 py-2 font-medium">Data window</th>
              <SortHeader table={table} sort="metric" label={table.metric ?? "Primary metric"} href={links.sort.metric} className="text-right" />
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Code</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((r) => (
              <tr key={r.version} className={r.status === "production" ? "bg-green-50/50" : r.status === "candidate" ? "bg-blue-50/40" : ""}>
                <td className="px-3 py-1.5 font-medium">
                  <Link href={`/shelves/${slug}/versions/${r.version}`} className="text-brand hover:underline">v{r.version}</Link>
                </td>
                <td className="px-3 py-1.5 text-slate-700">{shortDate(r.trainedAt)}</td>
                <td className="px-3 py-1.5 text-xs text-slate-600">{r.dataWindow ? `${shortDate(r.dataWindow.start)} – ${shortDate(r.dataWindow.end)}` : "—"}</td>
                <td className={`px-3 py-1.5 text-right tabular ${r.meetsThreshold === false ? "text-bad" : ""}`} title={r.meetsThreshold === false ? `misses the threshold ${metric(table.threshold)}` : undefined}>
                  {metric(r.score)}
                </td>
                <td className="px-3 py-1.5">
                  <span className="flex items-center gap-2">
                    <StatusBadge status={r.status} />
                    {r.status === "earlier" && r.wasProduction && <span className="text-xs text-slate-500">was production</span>}
                  </span>
                </td>
                <td className="px-3 py-1.5 font-mono text-xs text-slate-500">{r.codeRevision?.slice(0, 7) ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager table={table} links={links} />
    </div>
  );
}
