import { describe, expect, it } from "vitest";
import { nextAssignmentAttemptAt, publishRequestExpiresAt, signRequestExpiresAt } from "./timing";

describe("request timing", () => {
  it("expires a sign request exactly 90 days after submission", () => {
    expect(signRequestExpiresAt(new Date("2026-11-24T23:59:59.000Z")).toISOString()).toBe("2027-02-22T23:59:59.000Z");
  });

  it("expires a publish request at midnight UTC of its expected date", () => {
    expect(publishRequestExpiresAt(new Date("2026-12-12T00:00:00.000Z")).toISOString()).toBe("2026-12-12T00:00:00.000Z");
  });

  it("backs off assignment retries exponentially up to ten minutes", () => {
    const now = new Date("2026-01-01T00:00:00.000Z");
    const delays = [0, 1, 2, 3, 10, 50].map((attempt) => nextAssignmentAttemptAt(now, attempt).getTime() - now.getTime());
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 600_000, 600_000]);
  });
});
