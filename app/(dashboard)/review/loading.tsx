import { Skeleton } from "@/components/ui/skeleton";

/** The review queue while its first listener loads: the same layout, in grey. */
export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the review queue">
      <Skeleton className="h-6 w-64" />
      <Skeleton className="h-4 w-[32rem] max-w-full" />
      <Skeleton className="h-28 w-full" />
      <div className="grid gap-4 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <div className="space-y-4">
          <Skeleton className="h-64" />
          <Skeleton className="h-56" />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          {[0, 1].map((col) => (
            <div key={col} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
              {Array.from({ length: 10 }, (_, i) => <Skeleton key={i} className="h-10" />)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
