// What a browser receives on /api/live (decision 014), and which page each event concerns.
// Events say only that something changed — a request's id at most, never text — so the page
// re-renders for its viewer (router.refresh) and reads what it may see as on any page load:
// an internal note never travels in an event. Pure; used by the server and the browser.
export type LiveEvent =
  | { type: "request"; id: number }
  | { type: "notifications" }
  | { type: "statistics" }
  /**
   * Changes may have been missed — the stream has just (re)started, or the server's database
   * connection was restored: re-render once.
   */
  | { type: "resync" };

/** The largest PostgreSQL integer (lib/ids.ts MAX_ID; restated so the browser's bundle stays without zod). */
const MAX_ID = 2_147_483_647;

/** The SSE field `event:` every live event is sent under. */
export const LIVE_EVENT_NAME = "change";

/** An event's data as sent, or null when it is not one (exactly these shapes, nothing more). */
export function parseLiveEvent(data: unknown): LiveEvent | null {
  if (typeof data !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { type, id, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  if (type === "request") {
    return typeof id === "number" && Number.isInteger(id) && id >= 1 && id <= MAX_ID ? { type, id } : null;
  }
  if (id !== undefined) return null;
  return type === "notifications" || type === "statistics" || type === "resync" ? { type } : null;
}

/** One Server-Sent Events message (text/event-stream framing; the data is one JSON line). */
export function formatLiveEvent(event: LiveEvent): string {
  return `event: ${LIVE_EVENT_NAME}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Pages that list requests (one's own, the manager's queue, the admin's list) or count them (the
 * admin's managers page: open queues, and a deactivated manager's work moving, decision 018): any
 * request event may change them. The admin's failed events too (decision 017): a request is
 * marked when its event is parked and unmarked when the retry resolves it, in that transaction.
 */
const requestListPaths = new Set(["/requests", "/manager/requests", "/admin/requests", "/admin/managers", "/admin/failed-events"]);

/** Pages showing statistics that a refresh changes. */
const statisticsPaths = new Set(["/manager/report", "/statistics"]);

/**
 * Whether the page at `pathname` shows what `event` says changed. The header's unread count is
 * on every signed-in page, so notifications concern them all.
 */
export function concernsPage(event: LiveEvent, pathname: string): boolean {
  switch (event.type) {
    case "notifications":
    case "resync":
      return true;
    case "request":
      return requestListPaths.has(pathname) || pathname === `/requests/${event.id}`;
    case "statistics":
      return statisticsPaths.has(pathname);
  }
}
