import { describe, expect, it } from "vitest";
import type { LiveChange } from "./live-change";
import { liveEventFor } from "./recipients";
import type { RequestParties, RequestViewer } from "@/lib/requests/state-machine";

const applicant: RequestViewer = { id: 10, role: "USER", managerId: null };
const manager: RequestViewer = { id: 20, role: "MANAGER", managerId: 2 };
const otherManager: RequestViewer = { id: 30, role: "MANAGER", managerId: 3 };
const artist: RequestViewer = { id: 40, role: "ARTIST", managerId: null };
const admin: RequestViewer = { id: 50, role: "ADMIN", managerId: null };
const everyone = { applicant, manager, otherManager, artist, admin };

const parties: RequestParties = { type: "SIGN_CONTRACT", status: "ON_APPROVAL", applicantId: 10, managerId: 2 };

function receivers(change: LiveChange, requestParties: RequestParties | null) {
  return Object.fromEntries(Object.entries(everyone).map(([name, viewer]) => [name, liveEventFor(change, viewer, requestParties)]));
}

describe("liveEventFor", () => {
  it("tells a request's change to its applicant, its assigned manager and the admin only, as its id", () => {
    const event = { type: "request", id: 5 };
    // The admin reads every request (docs/domain.md §10 "All requests").
    expect(receivers({ kind: "request", requestId: 5, formerManagerId: null, internal: false }, parties)).toEqual({
      applicant: event,
      manager: event,
      otherManager: null,
      artist: null,
      admin: event,
    });
  });

  it("tells an unassigned request's change to its applicant (and the admin) only", () => {
    const unassigned = { ...parties, status: "NEW" as const, managerId: null };
    expect(receivers({ kind: "request", requestId: 5, formerManagerId: null, internal: false }, unassigned)).toEqual({
      applicant: { type: "request", id: 5 },
      manager: null,
      otherManager: null,
      artist: null,
      admin: { type: "request", id: 5 },
    });
  });

  it("tells the manager a request left (reassigned) too, so it leaves their queue", () => {
    const reassigned = { ...parties, managerId: 3 };
    // The trigger sends the change plainly (to the parties now) and with the former manager (to them alone).
    expect(receivers({ kind: "request", requestId: 5, formerManagerId: null, internal: false }, reassigned)).toEqual({
      applicant: { type: "request", id: 5 },
      manager: null,
      otherManager: { type: "request", id: 5 },
      artist: null,
      admin: { type: "request", id: 5 },
    });
    expect(receivers({ kind: "request", requestId: 5, formerManagerId: 2, internal: false }, reassigned)).toEqual({
      applicant: null,
      manager: { type: "request", id: 5 },
      otherManager: null,
      artist: null,
      admin: null,
    });
  });

  it("tells an internal note to the assigned manager (and the admin) only: the applicant cannot tell one was written", () => {
    expect(receivers({ kind: "request", requestId: 5, formerManagerId: null, internal: true }, parties)).toEqual({
      applicant: null,
      manager: { type: "request", id: 5 },
      otherManager: null,
      artist: null,
      admin: { type: "request", id: 5 },
    });
  });

  it("tells nobody of a request that is not there", () => {
    expect(Object.values(receivers({ kind: "request", requestId: 5, formerManagerId: 2, internal: false }, null)).every((event) => event === null)).toBe(true);
  });

  it("tells notifications to their owner only, and statistics to managers and artists", () => {
    expect(receivers({ kind: "notifications", userId: 30 }, null)).toEqual({
      applicant: null,
      manager: null,
      otherManager: { type: "notifications" },
      artist: null,
      admin: null,
    });
    expect(receivers({ kind: "statistics" }, null)).toEqual({
      applicant: null,
      manager: { type: "statistics" },
      otherManager: { type: "statistics" },
      artist: { type: "statistics" },
      admin: null,
    });
  });
});
