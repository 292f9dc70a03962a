import { describe, expect, it } from "vitest";
import { openStatuses } from "@/lib/requests/open-request";
import { canMoveArtist, handOverBlocker, isReassignable, MANAGER_UNAVAILABLE, mayMoveWork, mayTakeNewWork, SAME_MANAGER } from "./reassignment-rule";

describe("what the admin may move between managers (docs/domain.md §10 \"All requests\")", () => {
  it("only the admin moves work", () => {
    expect(mayMoveWork({ role: "ADMIN" })).toBe(true);
    for (const role of ["USER", "ARTIST", "MANAGER"] as const) expect(mayMoveWork({ role })).toBe(false);
  });

  it("an open sign request is reassigned; a closed one, or a publish request, is not", () => {
    for (const status of openStatuses) expect(isReassignable({ type: "SIGN_CONTRACT", status })).toBe(true);
    expect(isReassignable({ type: "SIGN_CONTRACT", status: "CLOSED" })).toBe(false);
    for (const status of [...openStatuses, "CLOSED" as const]) expect(isReassignable({ type: "PUBLISH_RELEASE", status })).toBe(false);
  });

  it("only an artist's account is moved as an artist", () => {
    expect(canMoveArtist("ARTIST")).toBe(true);
    for (const role of ["USER", "MANAGER", "ADMIN"] as const) expect(canMoveArtist(role)).toBe(false);
  });
});

describe("who may take it over", () => {
  const active = { managerId: 2, role: "MANAGER" as const, disabledAt: null };

  it("an enabled manager other than the one who has it", () => {
    expect(handOverBlocker(1, active)).toBeNull();
    expect(handOverBlocker(null, active)).toBeNull();
    expect(mayTakeNewWork(active)).toBe(true);
  });

  it("not the manager who has it already", () => {
    expect(handOverBlocker(2, active)).toBe(SAME_MANAGER);
  });

  it("not a disabled manager, a manager record whose account is no longer a manager's, nor nobody", () => {
    expect(handOverBlocker(1, { ...active, disabledAt: new Date(0) })).toBe(MANAGER_UNAVAILABLE);
    expect(handOverBlocker(1, { ...active, role: "USER" })).toBe(MANAGER_UNAVAILABLE);
    expect(handOverBlocker(1, null)).toBe(MANAGER_UNAVAILABLE);
  });
});
