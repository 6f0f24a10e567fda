import { listAlertsSchema } from "@/lib/schemas/alerts";
import { apiRoute } from "@/lib/server/api/api-route";
import { listAlerts } from "@/lib/server/alerts/list-alerts";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "read", query: listAlertsSchema }, async ({ ctx, query }) => {
  return { body: await listAlerts({ ctx, input: query }) };
});
