import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/ui/not-yet-available";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Audit log" };

export default async function Page() {
  await requireSessionCtx();
  return (
    <>
      <PageHeader title="Audit log" description="Every change of state, append-only and hash-chained." crumbs={[{ label: "Home", href: "/" }, { label: "Audit log" }]} />
      <NotYetAvailable capability="The audit log browser" />
    </>
  );
}
