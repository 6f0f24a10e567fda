import Link from "next/link";

export type Segment = { label: string; href: string; active: boolean; testId?: string };

/** A row of links that reads like tabs: filters kept in the URL, usable without JavaScript. */
export function SegmentedLinks({ label, segments }: { label: string; segments: Segment[] }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-xs">
      {segments.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          scroll={false}
          aria-current={s.active ? "page" : undefined}
          data-testid={s.testId}
          className={`rounded px-2.5 py-1 font-medium ${s.active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
