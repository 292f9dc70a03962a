import { describe, expect, it } from "vitest";
import { requestedChanges } from "./requested-changes";

const at = (day: number) => new Date(Date.UTC(2026, 11, day));
const manager = { name: "Mia Manager" };
const history = [
  { at: at(1), fromStatus: null, toStatus: "NEW" as const, reason: "Request submitted", actor: { name: "Ann" } },
  { at: at(2), fromStatus: "NEW" as const, toStatus: "ON_APPROVAL" as const, reason: null, actor: null },
  { at: at(3), fromStatus: "ON_APPROVAL" as const, toStatus: "CHANGES_REQUESTED" as const, reason: "Pick another nickname", actor: manager },
  { at: at(4), fromStatus: "CHANGES_REQUESTED" as const, toStatus: "NEW" as const, reason: "Resubmitted", actor: { name: "Ann" } },
  { at: at(5), fromStatus: "NEW" as const, toStatus: "ON_APPROVAL" as const, reason: null, actor: null },
  { at: at(6), fromStatus: "ON_APPROVAL" as const, toStatus: "CHANGES_REQUESTED" as const, reason: "And a shorter message", actor: manager },
];

describe("the changes asked for", () => {
  it("are the reason of the latest round while the request waits for changes", () => {
    expect(requestedChanges({ status: "CHANGES_REQUESTED", history })).toEqual({ reason: "And a shorter message", at: at(6), by: "Mia Manager" });
  });

  it("are not the reason of a move to another manager while the request waits (docs/domain.md §10)", () => {
    const moved = [...history, { at: at(7), fromStatus: "CHANGES_REQUESTED" as const, toStatus: "CHANGES_REQUESTED" as const, reason: "Mia is away", actor: { name: "Admin" } }];
    expect(requestedChanges({ status: "CHANGES_REQUESTED", history: moved })).toEqual({ reason: "And a shorter message", at: at(6), by: "Mia Manager" });
  });

  it("are nothing once the request moved on, whatever its history holds", () => {
    for (const status of ["NEW", "ON_APPROVAL", "CLOSED"] as const) expect(requestedChanges({ status, history })).toBeNull();
  });
});
