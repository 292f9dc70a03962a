// GET /manager/report/csv: the manager's report as a CSV download (same rows as the page).
import { findUserWithRole, requireUser } from "@/lib/auth/guards";
import { toIsoDay } from "@/lib/clock";
import { reportToCsv } from "@/lib/statistics/build-report-csv";
import { getManagerReport } from "@/lib/statistics/get-manager-report";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  // Signed out, or a session that has ended (signed out everywhere, account disabled): sign in
  // first, as on every private page (the proxy only sees that a session cookie is there).
  await requireUser();
  const user = await findUserWithRole("MANAGER");
  // Anyone but a manager gets the same answer as for a page that does not exist.
  if (!user) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const report = await getManagerReport(user);
  return new Response(reportToCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statistics-report-${toIsoDay(report.today)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
