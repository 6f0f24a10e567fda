import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/ui/not-yet-available";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page-data";
import { getShelf } from "@/lib/server/shelves/get-shelf";

export const metadata: Metadata = { title: "Shelf" };

export default async function ShelfPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireSessionCtx();
  const shelf = await orNotFound(getShelf({ ctx, input: await params }));
  return (
    <>
      <PageHeader title={shelf.title} description={shelf.description} crumbs={[{ label: "Home", href: "/" }, { label: shelf.title }]} />
      <NotYetAvailable capability="The model registry view (versions, scores by version, online metrics)" />
    </>
  );
}
