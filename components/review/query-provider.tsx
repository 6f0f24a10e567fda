"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

/** One TanStack Query client per browser tab for the review queue (created once, not per render). */
export function ReviewQueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A listener's view changes only when someone reviews it: a minute of freshness avoids
          // refetching what was just prefetched, and mutations mark it stale explicitly.
          queries: { staleTime: 60_000, gcTime: 10 * 60_000, refetchOnWindowFocus: false, retry: 1 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
