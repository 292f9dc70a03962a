// GET /api/metrics: the web app's Prometheus figures (docs/domain.md §10, decision 016), to a
// caller with `Authorization: Bearer <METRICS_TOKEN>`; 401 without it, 404 to everyone while no
// token is configured. The figures read from PostgreSQL are read at scrape time.
import { env } from "@/lib/env";
import { registerDatabaseMetrics } from "@/lib/observability/database-metrics";
import { metricsAccess, metricsRefusal } from "@/lib/observability/metrics-token";
import { exposition } from "@/lib/observability/registry";
import "@/lib/observability/http-metrics";
import "@/lib/observability/transition-metrics";

export const dynamic = "force-dynamic";

registerDatabaseMetrics();

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"), env().METRICS_TOKEN);
  if (access !== "allowed") {
    const refusal = metricsRefusal(access);
    return new Response(refusal.body, { status: refusal.status, headers: refusal.headers });
  }
  const { contentType, body } = await exposition();
  return new Response(body, { status: 200, headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
