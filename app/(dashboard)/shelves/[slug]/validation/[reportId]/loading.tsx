import { Skeleton } from "@/components/ui/skeleton";

export default function ReportLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the report">
      <Skeleton className="mb-2 h-4 w-72" />
      <Skeleton className="mb-6 h-7 w-64" />
      <div className="space-y-6">
        <Skeleton className="h-6 w-96" />
        <Skeleton className="h-96" />
        <Skeleton className="h-80" />
      </div>
    </div>
  );
}
