import { Construction } from "lucide-react";
import { EmptyState } from "./empty-state";

/** What a page shows, plainly, while the capability behind it has not been built. */
export function NotYetAvailable({ capability }: { capability: string }) {
  return (
    <EmptyState title="Not available yet" icon={<Construction className="size-8" aria-hidden />}>
      {capability} is not part of this release of Shelfwatch yet. Nothing on this page is shown until it is real.
    </EmptyState>
  );
}
