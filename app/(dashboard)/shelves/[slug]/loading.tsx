import { Skeleton } from "@/components/ui/skeleton";

export default function ShelfLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the shelf">
      <Skeleton className="mb-2 h-4 w-40" />
      <Skeleton className="mb-6 h-7 w-72" />
      <div className="space-y-6">
        <Skeleton className="h-24" />
        <Skeleton className="h-80" />
        <Skeleton className="h-72" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}
