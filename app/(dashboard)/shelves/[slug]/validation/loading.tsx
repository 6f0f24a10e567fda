import { Skeleton } from "@/components/ui/skeleton";

export default function ValidationLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the validation view">
      <Skeleton className="mb-2 h-4 w-56" />
      <Skeleton className="mb-6 h-7 w-72" />
      <div className="space-y-6">
        <div className="grid gap-3 md:grid-cols-2">
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
        <Skeleton className="h-96" />
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}
