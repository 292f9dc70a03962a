import { describe, expect, it } from "vitest";
import { pickManager } from "./choose-manager";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe("pickManager", () => {
  it("returns null when there is no manager", () => {
    expect(pickManager([])).toBeNull();
  });

  it("prefers the manager with the fewest open requests", () => {
    expect(
      pickManager([
        { managerId: 1, openRequests: 3, artists: 0, createdAt: day(1) },
        { managerId: 2, openRequests: 1, artists: 9, createdAt: day(2) },
      ]),
    ).toBe(2);
  });

  it("breaks a tie on open requests by fewest artists", () => {
    expect(
      pickManager([
        { managerId: 1, openRequests: 1, artists: 4, createdAt: day(1) },
        { managerId: 2, openRequests: 1, artists: 2, createdAt: day(2) },
      ]),
    ).toBe(2);
  });

  it("breaks a full tie by the oldest manager", () => {
    expect(
      pickManager([
        { managerId: 5, openRequests: 0, artists: 0, createdAt: day(3) },
        { managerId: 7, openRequests: 0, artists: 0, createdAt: day(1) },
      ]),
    ).toBe(7);
  });
});
