import { Card, CardHeader } from "@/components/ui/card";
import type { Ctx } from "@/lib/server/context";
import { listWebhookTargets } from "@/lib/server/webhooks/list-webhook-targets";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import { CreateWebhookForm, WebhookList } from "./webhooks-panel-client";

/** The webhooks card of Settings: where alerts and production changes are posted, with the delivery log. */
export async function WebhooksPanel({ ctx }: { ctx: Ctx }) {
  const [webhooks, targets] = await Promise.all([listWebhooks({ ctx, input: { deliveries: 8 } }), listWebhookTargets({ ctx })]);
  return (
    <Card data-testid="webhooks-panel">
      <CardHeader
        title="Webhooks"
        description={
          <>
            Chat channels and services that receive alerts and production changes. Slack and Teams incoming webhooks work as they are; every request is signed with the webhook&apos;s secret and retried with backoff for up to a day (<a href="/api-docs#webhooks" className="text-brand hover:underline">how to verify</a>).
          </>
        }
      />
      <div className="space-y-5 p-4">
        <WebhookList webhooks={webhooks} />
        <CreateWebhookForm shelves={targets.shelves} teams={targets.teams} />
      </div>
    </Card>
  );
}
