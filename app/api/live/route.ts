// GET /api/live: the signed-in person's live-pages event stream (Server-Sent Events,
// docs/domain.md §9 "Live pages", decision 014). Events say only what changed — a request's
// id, "notifications", "statistics" — and only to whoever may see it; pages re-render for
// their viewer. Read by components/live/live-updates.tsx.
import { requireUser } from "@/lib/auth/guards";
import { liveEventStream } from "@/lib/live/live-stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  // Signed out, or a session that has ended: sign in first, as on every private page and
  // /manager/report/csv (a browser's EventSource then stops instead of retrying).
  const user = await requireUser();
  return liveEventStream(user, request.signal);
}
