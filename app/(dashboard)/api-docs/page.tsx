import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/ui/not-yet-available";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "API" };

export default async function Page() {
  await requireSessionCtx();
  return (
    <>
      <PageHeader title="API" description="The HTTP API for pipelines, with its OpenAPI document." crumbs={[{ label: "Home", href: "/" }, { label: "API" }]} />
      <NotYetAvailable capability="The API reference" />
    </>
  );
}
