import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading alerts">
      <Skeleton className="mb-2 h-3 w-28" />
      <Skeleton className="mb-6 h-6 w-40" />
      <Skeleton className="mb-3 h-9 w-full max-w-xl" />
      <Skeleton className="mb-6 h-7 w-full max-w-3xl" />
      <div className="space-y-px overflow-hidden rounded-lg border border-slate-200 bg-white">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="flex gap-3 p-4">
            <Skeleton className="size-9" />
            <div className="flex-1 space-y-2"><Skeleton className="h-3 w-48" /><Skeleton className="h-4 w-3/4" /><Skeleton className="h-3 w-64" /></div>
          </div>
        ))}
      </div>
    </div>
  );
}
