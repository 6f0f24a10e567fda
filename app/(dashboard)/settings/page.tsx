import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksPanel } from "@/components/settings/webhooks-panel";
import { GatePoliciesPanel } from "@/components/settings/gate-policies-panel";
import { FeatureThresholdsPanel } from "@/components/settings/feature-thresholds-panel";
import { isAllowed } from "@/lib/auth/permissions";
import { requireSessionCtx } from "@/lib/server/auth/session";
import { listTokens } from "@/lib/server/tokens/list-tokens";
import { listUsers } from "@/lib/server/users/list-users";
import { TokensPanel, UsersPanel } from "./settings-client";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireSessionCtx();
  const crumbs = [{ label: "Home", href: "/" }, { label: "Settings" }];
  const admin = ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "manageSettings");
  if (!admin) {
    return (
      <>
        <PageHeader title="Settings" crumbs={crumbs} />
        <EmptyState title="Only admins manage settings">Users, roles, API tokens, gate policies and webhooks are managed by an admin.</EmptyState>
        {/* Engineers tune feature thresholds themselves (permission editThresholds). */}
        {ctx.actor.kind === "user" && isAllowed({ kind: "user", role: ctx.actor.role, leadShelfIds: ctx.actor.leadShelfIds }, "editThresholds") && (
          <div className="mt-6"><FeatureThresholdsPanel ctx={ctx} /></div>
        )}
      </>
    );
  }
  const [users, tokens] = await Promise.all([listUsers({ ctx }), listTokens({ ctx })]);
  return (
    <>
      <PageHeader title="Settings" description="Users and roles, API tokens for pipelines, webhooks." crumbs={crumbs} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="API tokens" description="Bearer tokens for pipelines. A token is shown once at creation; only its hash is stored." />
          <TokensPanel tokens={tokens} />
        </Card>
        <Card>
          <CardHeader title="Users and roles" description="Viewers look; engineers register and tune; reviewers review; leads approve (optionally on some shelves only); admins manage settings." />
          <UsersPanel users={users} selfId={ctx.actor.kind === "user" ? ctx.actor.id : ""} />
        </Card>
        <WebhooksPanel ctx={ctx} />
        <GatePoliciesPanel ctx={ctx} />
        <FeatureThresholdsPanel ctx={ctx} />
      </div>
    </>
  );
}
