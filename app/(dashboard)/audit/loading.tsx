import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the audit log">
      <Skeleton className="mb-2 h-4 w-40" />
      <Skeleton className="mb-6 h-7 w-72" />
      <Skeleton className="mb-4 h-14" />
      {Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="mb-2 h-9" />)}
    </div>
  );
}
