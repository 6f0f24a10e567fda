import Link from "next/link";
import type { AuditEventDto } from "@/lib/server/audit-log/list-audit-events";
import { Badge, type Tone } from "../ui/badge";

function tone(action: string): Tone {
  if (/rolled_back|rejected|refused|revoked|cancelled/.test(action)) return "bad";
  if (/deploy|approved/.test(action)) return "ok";
  if (/updated|changed/.test(action)) return "warn";
  return "neutral";
}

function json(value: unknown): string {
  return value === null || value === undefined ? "—" : JSON.stringify(value, null, 2);
}

/** One row per event; before and after open on demand. Text from pipelines is rendered as text. */
export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="w-16 px-4 py-2 font-medium">#</th>
          <th className="w-40 font-medium">When (UTC)</th>
          <th className="w-56 font-medium">Actor</th>
          <th className="w-52 font-medium">Action</th>
          <th className="font-medium">Subject and change</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {events.map((e) => (
          <tr key={e.id} data-testid={`audit-event-${e.id}`}>
            <td className="px-4 py-2 font-mono text-xs text-slate-500">{e.id}</td>
            <td className="py-2 text-xs tabular">{e.createdAt.slice(0, 19).replace("T", " ")}</td>
            <td className="truncate py-2 text-xs" title={e.actorLabel}>
              <Link href={`/audit?actor=${encodeURIComponent(e.actorLabel)}`} className="hover:underline">{e.actorLabel}</Link>
              <span className="ml-1 text-slate-400">({e.actorType})</span>
            </td>
            <td className="py-2"><Badge tone={tone(e.action)}>{e.action}</Badge></td>
            <td className="py-2 pr-4">
              <details>
                <summary className="cursor-pointer text-xs">
                  <Link href={`/audit?subject=${encodeURIComponent(`${e.subjectType}:${e.subjectId}`)}`} className="font-mono hover:underline">{e.subjectType}:{e.subjectId}</Link>
                  {e.shelf && <span className="ml-2 text-slate-500">on {e.shelf}</span>}
                </summary>
                <div className="mt-2 grid gap-2 md:grid-cols-2">
                  <div>
                    <p className="text-[10px] font-semibold uppercase text-slate-500">Before</p>
                    <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-[11px] leading-snug">{json(e.before)}</pre>
                  </div>
                  <div>
                    <p className="text-[10px] font-semibold uppercase text-slate-500">After</p>
                    <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-[11px] leading-snug">{json(e.after)}</pre>
                  </div>
                </div>
                <p className="mt-1 break-all font-mono text-[10px] text-slate-400">hash {e.hash}</p>
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
