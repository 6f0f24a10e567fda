import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/ui/not-yet-available";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Promotions" };

export default async function Page() {
  await requireSessionCtx();
  return (
    <>
      <PageHeader title="Promotions" description="Pending promotion requests with their evidence, approvals, history and rollback." crumbs={[{ label: "Home", href: "/" }, { label: "Promotions" }]} />
      <NotYetAvailable capability="The promotion gate and approvals" />
    </>
  );
}
