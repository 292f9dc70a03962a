// GET /api/health (docs/domain.md §10 "Health"): 200 {"status":"ok"} while the database answers,
// 503 {"status":"down"} when it does not. The details — database, the worker's heartbeat, the
// outbox backlog — go only to a caller presenting the metrics token (lib/observability/
// metrics-token.ts) or to the signed-in admin.
import { findUserWithRole } from "@/lib/auth/guards";
import { hasMetricsToken } from "@/lib/observability/metrics-token";
import { checkHealth, healthAnswer } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const report = await checkHealth();
  // The token first: it needs no database. Whether the caller is the admin does, so a database
  // that is down is told to the admin as to anyone (its only detail is that it is unreachable).
  const detailed =
    hasMetricsToken(request.headers.get("authorization")) || (report.status === "ok" && (await findUserWithRole("ADMIN")) !== null);
  return Response.json(healthAnswer(report, detailed), {
    status: report.status === "ok" ? 200 : 503,
    // The answer depends on who asks: never kept by a cache.
    headers: { "Cache-Control": "no-store", Vary: "Authorization, Cookie" },
  });
}
