import { describe, expect, it } from "vitest";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { allowedActions, authorizeTransition, canTransition, canViewRequest, transitions, type RequestAction, type RequestViewer } from "./state-machine";

const statuses: RequestStatus[] = ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED", "CLOSED"];
const actions = Object.keys(transitions) as RequestAction[];

// The whole lifecycle of docs/domain.md §3, written out: every pair not listed is forbidden.
const allowed: Record<RequestType, Partial<Record<RequestAction, RequestStatus[]>>> = {
  SIGN_CONTRACT: {
    assign: ["NEW"],
    accept: ["ON_APPROVAL"],
    decline: ["ON_APPROVAL"],
    requestChanges: ["ON_APPROVAL"],
    resubmit: ["CHANGES_REQUESTED"],
    withdraw: ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED"],
    expire: ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED"],
    returnToWaiting: ["NEW", "ON_APPROVAL", "CHANGES_REQUESTED"],
  },
  PUBLISH_RELEASE: {
    startGrading: ["NEW"],
    finishGrading: ["PROCESSING"],
    accept: ["ON_APPROVAL"],
    decline: ["ON_APPROVAL"],
    requestChanges: ["ON_APPROVAL"],
    resubmit: ["CHANGES_REQUESTED"],
    withdraw: ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED"],
    expire: ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED"],
  },
};

describe("request state machine", () => {
  for (const type of ["SIGN_CONTRACT", "PUBLISH_RELEASE"] as RequestType[]) {
    for (const action of actions) {
      for (const status of statuses) {
        const expected = allowed[type][action]?.includes(status) ?? false;
        it(`${type}: ${action} from ${status} is ${expected ? "allowed" : "forbidden"}`, () => {
          expect(canTransition(type, status, action)).toBe(expected);
        });
      }
    }
  }

  it("never leaves Closed", () => {
    for (const action of actions) {
      expect(transitions[action].from).not.toContain("CLOSED");
    }
  });

  it("gives every closing transition its own resolution", () => {
    const closing = actions.filter((action) => transitions[action].to === "CLOSED");
    expect(closing.map((action) => transitions[action].resolution).sort()).toEqual(["ACCEPTED", "DECLINED", "EXPIRED", "WITHDRAWN"]);
    for (const action of actions.filter((candidate) => transitions[candidate].to !== "CLOSED")) {
      expect(transitions[action].resolution).toBeUndefined();
    }
  });

  it("lets only managers decide, applicants (or the system, for an applicant made manager) withdraw and the worker do the rest", () => {
    expect(transitions.accept.by).toEqual(["manager"]);
    expect(transitions.decline.by).toEqual(["manager"]);
    expect(transitions.requestChanges.by).toEqual(["manager"]);
    expect(transitions.resubmit.by).toEqual(["applicant"]);
    expect(transitions.withdraw.by).toEqual(["applicant", "system"]);
    for (const action of ["assign", "startGrading", "finishGrading", "expire", "returnToWaiting"] as const) expect(transitions[action].by).toEqual(["system"]);
  });
});

describe("who may do what", () => {
  const applicant: RequestViewer = { id: 10, role: "USER", managerId: null };
  const assignedManager: RequestViewer = { id: 20, role: "MANAGER", managerId: 2 };
  const otherManager: RequestViewer = { id: 30, role: "MANAGER", managerId: 3 };
  const admin: RequestViewer = { id: 40, role: "ADMIN", managerId: null };
  const request = (status: RequestStatus, type: RequestType = "SIGN_CONTRACT") => ({ type, status, applicantId: 10, managerId: 2 });

  it("offers the assigned manager Accept, Decline and Request changes, and the applicant Withdraw, on a request on approval", () => {
    expect(allowedActions(request("ON_APPROVAL"), assignedManager)).toEqual(["accept", "decline", "requestChanges"]);
    expect(allowedActions(request("ON_APPROVAL"), applicant)).toEqual(["withdraw"]);
  });

  it("offers the assigned manager Request changes on approval, and the applicant Resubmit or Withdraw once changes are requested (docs/domain.md §9)", () => {
    for (const type of ["SIGN_CONTRACT", "PUBLISH_RELEASE"] as RequestType[]) {
      expect(allowedActions(request("ON_APPROVAL", type), assignedManager)).toEqual(["accept", "decline", "requestChanges"]);
      expect(allowedActions(request("CHANGES_REQUESTED", type), applicant)).toEqual(["resubmit", "withdraw"]);
      expect(allowedActions(request("CHANGES_REQUESTED", type), assignedManager)).toEqual([]);
      for (const viewer of [otherManager, admin]) expect(allowedActions(request("CHANGES_REQUESTED", type), viewer)).toEqual([]);
    }
  });

  it("sends a resubmitted request back to New, where the worker takes it on again", () => {
    expect(transitions.requestChanges.to).toBe("CHANGES_REQUESTED");
    expect(transitions.resubmit.to).toBe("NEW");
    expect(canTransition("SIGN_CONTRACT", "NEW", "assign")).toBe(true);
    expect(canTransition("PUBLISH_RELEASE", "NEW", "startGrading")).toBe(true);
  });

  it("tells the loser of a race on changes that the request moved on", () => {
    // Accepted by a second click, or resubmitted in another tab, before this click arrived.
    expect(authorizeTransition(request("CLOSED"), assignedManager, "requestChanges")).toBe("moved-on");
    expect(authorizeTransition(request("CHANGES_REQUESTED"), assignedManager, "accept")).toBe("moved-on");
    expect(authorizeTransition(request("NEW"), applicant, "resubmit")).toBe("moved-on");
    expect(authorizeTransition(request("CLOSED"), applicant, "resubmit")).toBe("moved-on");
    expect(authorizeTransition(request("CHANGES_REQUESTED"), assignedManager, "resubmit")).toBe("not-yours");
    expect(authorizeTransition(request("ON_APPROVAL"), applicant, "requestChanges")).toBe("not-yours");
    expect(authorizeTransition(request("CHANGES_REQUESTED"), otherManager, "resubmit")).toBe("hidden");
    expect(authorizeTransition(request("CHANGES_REQUESTED"), "system", "expire")).toBe("allowed");
    expect(authorizeTransition(request("CHANGES_REQUESTED"), "system", "resubmit")).toBe("not-yours");
  });

  it("offers nothing to strangers, nothing on a closed request, and never the worker's steps", () => {
    for (const viewer of [otherManager, admin]) expect(allowedActions(request("ON_APPROVAL"), viewer)).toEqual([]);
    for (const viewer of [applicant, assignedManager]) expect(allowedActions(request("CLOSED"), viewer)).toEqual([]);
    expect(allowedActions(request("NEW", "PUBLISH_RELEASE"), assignedManager)).toEqual([]);
  });

  it("hides a request from everyone but its applicant, its assigned manager and the admin", () => {
    expect([applicant, assignedManager, otherManager, admin].map((viewer) => canViewRequest(request("NEW"), viewer))).toEqual([true, true, false, true]);
    // A manager is "assigned" through their manager record, not their user id.
    expect(canViewRequest(request("NEW"), { id: 20, role: "USER", managerId: 2 })).toBe(false);
  });

  it("tells a stranger, the wrong party and a stale click apart", () => {
    expect(authorizeTransition(request("ON_APPROVAL"), otherManager, "accept")).toBe("hidden");
    expect(authorizeTransition(request("ON_APPROVAL"), applicant, "accept")).toBe("not-yours");
    expect(authorizeTransition(request("ON_APPROVAL"), assignedManager, "withdraw")).toBe("not-yours");
    expect(authorizeTransition(request("CLOSED"), assignedManager, "decline")).toBe("moved-on");
    expect(authorizeTransition(request("ON_APPROVAL"), assignedManager, "accept")).toBe("allowed");
  });

  it("lets the admin read any request but take none of its steps (docs/domain.md §10)", () => {
    for (const action of ["accept", "decline", "requestChanges", "withdraw", "resubmit"] as const) {
      expect(authorizeTransition(request("ON_APPROVAL"), admin, action)).toBe("not-yours");
    }
    expect(allowedActions(request("ON_APPROVAL"), admin)).toEqual([]);
  });

  it("lets the worker take only the worker's steps, and no person take them", () => {
    expect(authorizeTransition(request("NEW"), "system", "assign")).toBe("allowed");
    expect(authorizeTransition(request("ON_APPROVAL"), "system", "accept")).toBe("not-yours");
    expect(authorizeTransition(request("NEW"), assignedManager, "assign")).toBe("not-yours");
    expect(authorizeTransition(request("NEW"), applicant, "expire")).toBe("not-yours");
  });
});
