import type { DeliveryDto } from "@/lib/server/webhooks/list-webhooks";

const TONE: Record<string, string> = {
  delivered: "bg-green-50 text-green-800",
  failed: "bg-red-50 text-red-800",
  retrying: "bg-amber-50 text-amber-800",
  sending: "bg-blue-50 text-blue-800",
  pending: "bg-slate-100 text-slate-700",
  cancelled: "bg-slate-100 text-slate-500",
};

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;

/** The latest deliveries of one webhook: when, what, outcome with the status code, attempts, next try. */
export function DeliveryLog({ deliveries }: { deliveries: DeliveryDto[] }) {
  if (deliveries.length === 0) return <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">Nothing sent yet.</p>;
  return (
    <div className="overflow-x-auto border-t border-slate-100">
      <table className="w-full text-left text-xs" aria-label="Delivery log">
        <thead className="bg-slate-50 text-slate-500">
          <tr><th className="px-3 py-1 font-medium">Queued (UTC)</th><th className="font-medium">Event</th><th className="font-medium">Outcome</th><th className="font-medium">Code</th><th className="font-medium">Tries</th><th className="pr-3 font-medium">Detail</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular">
          {deliveries.map((d) => (
            <tr key={d.id} data-testid={`delivery-${d.id}`}>
              <td className="whitespace-nowrap px-3 py-1 text-slate-600">{when(d.createdAt)}</td>
              <td className="max-w-md truncate py-1" title={d.summary}><span className="font-medium">{d.event}</span> <span className="text-slate-500">{d.summary}</span></td>
              <td><span className={`rounded px-1.5 py-0.5 font-medium ${TONE[d.status] ?? TONE.pending}`}>{d.status}</span></td>
              <td className={d.lastStatusCode && d.lastStatusCode >= 300 ? "text-bad" : ""}>{d.lastStatusCode ?? "—"}</td>
              <td>{d.attempts}</td>
              <td className="max-w-xs truncate pr-3 text-slate-500" title={d.lastError ?? undefined}>
                {d.status === "delivered" && d.deliveredAt ? `delivered ${when(d.deliveredAt)}` : d.nextAttemptAt && d.status !== "pending" ? `next try ${when(d.nextAttemptAt)}${d.lastError ? ` · ${d.lastError}` : ""}` : d.lastError ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
