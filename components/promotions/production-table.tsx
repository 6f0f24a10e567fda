import Link from "next/link";
import { age, shortDate } from "@/lib/format";
import type { DeploymentTimelineDto } from "@/lib/server/deployments/list-deployments";
import type { ProductionRowDto } from "@/lib/server/deployments/list-production";
import { RollbackForm } from "./rollback-form";

/** Each shelf's production version now and on a chosen day, with a rollback for those who may. */
export function ProductionTable({ rows, at, now, timelines }: { rows: ProductionRowDto[]; at: string | null; now: Date; timelines: (DeploymentTimelineDto | null)[] }) {
  return (
    <div className="space-y-3 p-4">
      <form method="get" action="/promotions" className="flex flex-wrap items-end gap-2 text-sm">
        <label>
          Production on
          <input type="date" name="at" defaultValue={at ?? ""} max={now.toISOString().slice(0, 10)} className="ml-2 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <button className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50">Show</button>
        {at && <Link href="/promotions" className="text-xs text-slate-500 hover:underline">clear</Link>}
      </form>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1.5 font-medium">Shelf</th><th className="font-medium">Model</th><th className="font-medium">Now</th><th className="font-medium">Since</th>{at && <th className="font-medium">On {shortDate(at)}</th>}<th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-middle">
          {rows.map((r, i) => {
            const t = timelines[i];
            return (
              <tr key={r.model} data-testid={`production-row-${r.shelf.slug}`}>
                <td className="py-2"><Link href={`/shelves/${r.shelf.slug}`} className="font-medium hover:underline">{r.shelf.title}</Link></td>
                <td className="text-slate-600">{r.model}</td>
                <td className="font-semibold tabular">{r.production ? `v${r.production.version}` : "none"}</td>
                <td className="text-xs text-slate-500">{r.production?.since ? `${shortDate(r.production.since)} (${age(r.production.since, now)})` : "—"}</td>
                {at && <td className="tabular" data-testid="production-at">{r.atVersion === null ? "nothing yet" : `v${r.atVersion}`}</td>}
                <td className="text-right">
                  {r.canRollback && r.production && t && <RollbackForm model={r.model} production={r.production} previous={t.previous} targets={t.rollbackTargets} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
