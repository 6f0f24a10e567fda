import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/ui/not-yet-available";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Review" };

export default async function Page() {
  await requireSessionCtx();
  return (
    <>
      <PageHeader title="Review" description="Walk the listener panel: the candidate's recommendations beside production's, and a verdict per listener." crumbs={[{ label: "Home", href: "/" }, { label: "Review" }]} />
      <NotYetAvailable capability="Recommendation review" />
    </>
  );
}
