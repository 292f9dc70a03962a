// Who receives which live event (docs/domain.md §9 "Live pages", decision 014). Pure: the hub
// applies it to each connected person for each change. A request's change goes only to those
// who may see the request — the state machine's own rule, `canViewRequest` — so nobody learns
// that a request they cannot open exists or moved — and an internal note only to those who
// read internal notes (the conversation rules), so the applicant cannot tell one was written;
// notifications only to their owner.
import type { Role } from "@/lib/generated/prisma/enums";
import type { LiveChange } from "@/lib/live/live-change";
import type { LiveEvent } from "@/lib/live/live-event";
import { maySeeInternalNotes } from "@/lib/requests/conversation/conversation-rules";
import { canViewRequest, type RequestParties, type RequestViewer } from "@/lib/requests/state-machine";

/** The roles whose pages show statistics: the manager's report and the artist's statistics page. */
const statisticsRoles: readonly Role[] = ["MANAGER", "ARTIST"];

/**
 * The event `viewer` gets for `change`, or null. `parties` are the request's as committed (null:
 * not a request change, or the request is gone). A request that left its manager
 * (`formerManagerId`) is announced to that manager too, so it leaves their queue.
 */
export function liveEventFor(change: LiveChange, viewer: RequestViewer, parties: RequestParties | null): LiveEvent | null {
  switch (change.kind) {
    case "request": {
      if (!parties) return null;
      if (change.internal && !(canViewRequest(parties, viewer) && maySeeInternalNotes(parties, viewer))) return null;
      // The trigger announces a reassignment twice: plainly (to the request's parties now) and
      // with the former manager, which is for that manager alone.
      const seen =
        change.formerManagerId === null
          ? canViewRequest(parties, viewer)
          : !canViewRequest(parties, viewer) && canViewRequest({ ...parties, managerId: change.formerManagerId }, viewer);
      return seen ? { type: "request", id: change.requestId } : null;
    }
    case "notifications":
      return change.userId === viewer.id ? { type: "notifications" } : null;
    case "statistics":
      return statisticsRoles.includes(viewer.role) ? { type: "statistics" } : null;
  }
}
