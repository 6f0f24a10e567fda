import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/ui/not-yet-available";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Alerts" };

export default async function Page() {
  await requireSessionCtx();
  return (
    <>
      <PageHeader title="Alerts" description="Skew, drift, schema, regression, missed-retrain and gate alerts to acknowledge and resolve." crumbs={[{ label: "Home", href: "/" }, { label: "Alerts" }]} />
      <NotYetAvailable capability="Alerting" />
    </>
  );
}
