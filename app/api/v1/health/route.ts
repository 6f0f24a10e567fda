import { apiRoute } from "@/lib/server/api/api-route";
import { checkHealth } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

// 503 only when the database is unreachable: an instance whose job runner is down still serves pages
// and the API, so a load balancer should keep it (the body says "degraded" for monitoring).
export const GET = apiRoute({ permission: null }, async ({ ctx }) => {
  const health = await checkHealth({ now: ctx.now });
  return { status: health.status === "down" ? 503 : 200, body: health };
});
