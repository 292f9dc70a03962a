// GET /api/health: 200 when the database answers, 503 when it does not.
import { checkHealth } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
