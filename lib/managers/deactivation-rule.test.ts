import { describe, expect, it } from "vitest";
import { pickManager, type ManagerLoad } from "@/lib/requests/sign/choose-manager";
import {
  CANNOT_DEACTIVATE_SELF,
  deactivationBlocker,
  describeCounts,
  describeProgress,
  isFinished,
  mayDeactivateManagers,
  NOT_A_MANAGER_NOW,
  withWorkTaken,
} from "./deactivation-rule";

const load = (managerId: number, openRequests = 0, artists = 0, disabled = false): ManagerLoad => ({
  managerId,
  openRequests,
  artists,
  createdAt: new Date(Date.UTC(2026, 0, managerId)),
  disabled,
});

/** The worker's loop, without the database: each item to the manager the fair rule picks now. */
function distribute(loads: ManagerLoad[], items: { requests: number; artists: number }[]): Map<number, number> {
  const given = new Map<number, number>();
  let current = loads;
  for (const item of items) {
    const managerId = pickManager(current);
    if (managerId === null) break;
    given.set(managerId, (given.get(managerId) ?? 0) + 1);
    current = withWorkTaken(current, managerId, item);
  }
  return given;
}

describe("who may deactivate whom", () => {
  it("is the admin's step only", () => {
    expect(mayDeactivateManagers({ role: "ADMIN" })).toBe(true);
    for (const role of ["USER", "ARTIST", "MANAGER"] as const) expect(mayDeactivateManagers({ role })).toBe(false);
  });

  it("takes a manager, never the admin's own account, nor someone who is no longer a manager", () => {
    expect(deactivationBlocker({ id: 1 }, { userId: 2, role: "MANAGER" })).toBeNull();
    expect(deactivationBlocker({ id: 1 }, { userId: 1, role: "MANAGER" })).toBe(CANNOT_DEACTIVATE_SELF);
    expect(deactivationBlocker({ id: 1 }, { userId: 2, role: "USER" })).toBe(NOT_A_MANAGER_NOW);
    expect(deactivationBlocker({ id: 1 }, { userId: 2, role: "ADMIN" })).toBe(NOT_A_MANAGER_NOW);
  });
});

describe("fair redistribution: each choice sees the previous ones (docs/domain.md §3.1)", () => {
  it("splits ten requests over two equal managers five and five", () => {
    const given = distribute([load(1), load(2)], Array.from({ length: 10 }, () => ({ requests: 1, artists: 0 })));
    expect([...given.entries()].sort()).toEqual([
      [1, 5],
      [2, 5],
    ]);
  });

  it("fills the lighter queue first, then alternates", () => {
    const given = distribute([load(1, 4), load(2, 0)], Array.from({ length: 6 }, () => ({ requests: 1, artists: 0 })));
    expect(given.get(2)).toBe(5);
    expect(given.get(1)).toBe(1);
  });

  it("counts an artist's carried publish requests: the next artist goes to the other manager, then requests even out", () => {
    let loads = [load(1), load(2)];
    const firstChoice = pickManager(loads)!;
    loads = withWorkTaken(loads, firstChoice, { requests: 3, artists: 1 });
    expect(pickManager(loads)).not.toBe(firstChoice);
    const given = distribute(loads, Array.from({ length: 3 }, () => ({ requests: 1, artists: 0 })));
    expect(given.get(firstChoice === 1 ? 2 : 1)).toBe(3);
  });

  it("balances artists without requests by artist count", () => {
    const given = distribute([load(1), load(2), load(3)], Array.from({ length: 6 }, () => ({ requests: 0, artists: 1 })));
    expect([...given.values()]).toEqual([2, 2, 2]);
  });

  it("gives nothing to a disabled manager, and nothing at all with none enabled", () => {
    expect(distribute([load(1, 0, 0, true), load(2, 9)], [{ requests: 1, artists: 0 }]).get(2)).toBe(1);
    expect(distribute([load(1, 0, 0, true)], [{ requests: 1, artists: 0 }]).size).toBe(0);
  });

  it("leaves the loads it was given as they were", () => {
    const loads = [load(1)];
    withWorkTaken(loads, 1, { requests: 2, artists: 1 });
    expect(loads[0]).toMatchObject({ openRequests: 0, artists: 0 });
  });
});

describe("what the admin's page says", () => {
  const job = { requestsToMove: 30, requestsMoved: 10, artistsToMove: 10, artistsMoved: 2 };

  it("names the progress while it runs, while it waits and when it is over", () => {
    expect(describeProgress({ ...job, status: "IN_PROGRESS" })).toBe("Redistributing: 12 of 40 moved");
    expect(describeProgress({ ...job, status: "WAITING_FOR_MANAGER" })).toBe("Waiting for a manager: 12 of 40 moved");
    expect(describeProgress({ ...job, requestsMoved: 30, artistsMoved: 10, status: "DONE" })).toBe("Done: 40 of 40 moved");
    expect(describeProgress({ ...job, status: "CANCELLED" })).toContain("Stopped");
  });

  it("breaks the count down into requests and artists", () => {
    expect(describeCounts({ ...job, status: "IN_PROGRESS" })).toBe("10 requests of 30, 2 artists of 10");
    expect(describeCounts({ requestsToMove: 1, requestsMoved: 1, artistsToMove: 1, artistsMoved: 1, status: "DONE" })).toBe("1 request of 1, 1 artist of 1");
  });

  it("is finished only when done or cancelled", () => {
    expect(isFinished("DONE")).toBe(true);
    expect(isFinished("CANCELLED")).toBe(true);
    expect(isFinished("IN_PROGRESS")).toBe(false);
    expect(isFinished("WAITING_FOR_MANAGER")).toBe(false);
  });
});
