import type { Metadata } from "next";
import { ShelfCard } from "@/components/shelf-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { listShelfCards } from "@/lib/server/shelves/list-shelf-cards";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const ctx = await requireSessionCtx();
  const cards = await listShelfCards({ ctx });
  return (
    <>
      <PageHeader title="Shelves" description="Every shelf on Home with the model that fills it: what is in production, what is waiting, and whether this week's retrain arrived." />
      {cards.length === 0 ? (
        <EmptyState title="No shelves yet">
          Shelves appear here once a pipeline registers a model. Run <code>npx shelfwatch seed --demo</code> for a demo.
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {cards.map((card) => <ShelfCard key={card.slug} card={card} now={ctx.now} />)}
        </div>
      )}
    </>
  );
}
