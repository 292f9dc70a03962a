import { describe, expect, it } from "vitest";
import { pickManager, type ManagerLoad } from "./choose-manager";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

/** A manager's load; an enabled manager unless said otherwise. */
const load = (managerId: number, openRequests: number, artists: number, createdAt: Date, disabled = false): ManagerLoad => ({
  managerId,
  openRequests,
  artists,
  createdAt,
  disabled,
});

describe("pickManager", () => {
  it("returns null when there is no manager", () => {
    expect(pickManager([])).toBeNull();
  });

  it("prefers the manager with the fewest open requests", () => {
    expect(pickManager([load(1, 3, 0, day(1)), load(2, 1, 9, day(2))])).toBe(2);
  });

  it("breaks a tie on open requests by fewest artists", () => {
    expect(pickManager([load(1, 1, 4, day(1)), load(2, 1, 2, day(2))])).toBe(2);
  });

  it("breaks a full tie by the oldest manager", () => {
    expect(pickManager([load(5, 0, 0, day(3)), load(7, 0, 0, day(1))])).toBe(7);
  });

  it("never picks a manager whose account is disabled, however light their load", () => {
    expect(pickManager([load(1, 0, 0, day(1), true), load(2, 5, 5, day(2))])).toBe(2);
  });

  it("returns null when every manager is disabled, so the request waits as with none", () => {
    expect(pickManager([load(1, 0, 0, day(1), true), load(2, 0, 0, day(2), true)])).toBeNull();
  });
});
