import { describe, expect, it } from "vitest";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { canTransition, transitions, type RequestAction } from "./state-machine";

const statuses: RequestStatus[] = ["NEW", "PROCESSING", "ON_APPROVAL", "CLOSED"];
const actions = Object.keys(transitions) as RequestAction[];

// The whole lifecycle of docs/domain.md §3, written out: every pair not listed is forbidden.
const allowed: Record<RequestType, Partial<Record<RequestAction, RequestStatus[]>>> = {
  SIGN_CONTRACT: {
    assign: ["NEW"],
    accept: ["ON_APPROVAL"],
    decline: ["ON_APPROVAL"],
    withdraw: ["NEW", "PROCESSING", "ON_APPROVAL"],
    expire: ["NEW", "PROCESSING", "ON_APPROVAL"],
  },
  PUBLISH_RELEASE: {
    startGrading: ["NEW"],
    finishGrading: ["PROCESSING"],
    accept: ["ON_APPROVAL"],
    decline: ["ON_APPROVAL"],
    withdraw: ["NEW", "PROCESSING", "ON_APPROVAL"],
    expire: ["NEW", "PROCESSING", "ON_APPROVAL"],
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

  it("lets only managers decide, applicants withdraw and the worker do the rest", () => {
    expect(transitions.accept.by).toBe("manager");
    expect(transitions.decline.by).toBe("manager");
    expect(transitions.withdraw.by).toBe("applicant");
    for (const action of ["assign", "startGrading", "finishGrading", "expire"] as const) expect(transitions[action].by).toBe("system");
  });
});
