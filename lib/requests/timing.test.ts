import { describe, expect, it } from "vitest";
import { nextAssignmentAttemptAt } from "./timing";

describe("request timing", () => {
  it("backs off assignment retries exponentially up to ten minutes", () => {
    const now = new Date("2026-01-01T00:00:00.000Z");
    const delays = [0, 1, 2, 3, 10, 50].map((attempt) => nextAssignmentAttemptAt(now, attempt).getTime() - now.getTime());
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 600_000, 600_000]);
  });
});
