import { apiRoute } from "@/lib/server/api/api-route";
import { checkHealth } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: null }, async ({ ctx }) => {
  const health = await checkHealth({ now: ctx.now });
  return { status: health.status === "ok" ? 200 : 503, body: health };
});
