import { Skeleton } from "@/components/ui/skeleton";

export default function VersionLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the version">
      <Skeleton className="mb-2 h-4 w-56" />
      <Skeleton className="mb-6 h-7 w-80" />
      <div className="space-y-6">
        <Skeleton className="h-72" />
        <div className="grid gap-6 lg:grid-cols-5">
          <Skeleton className="h-80 lg:col-span-3" />
          <Skeleton className="h-80 lg:col-span-2" />
        </div>
      </div>
    </div>
  );
}
