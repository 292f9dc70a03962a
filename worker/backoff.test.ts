import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

const policy = { baseMs: 500, maxMs: 60_000, jitter: 0 };

describe("backoffDelay", () => {
  it("doubles from the base delay", () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy))).toEqual([500, 1000, 2000, 4000]);
  });

  it("never exceeds the cap, even for huge attempt numbers", () => {
    expect(backoffDelay(8, policy)).toBe(60_000);
    expect(backoffDelay(10_000, policy)).toBe(60_000);
  });

  it("keeps jitter within its band", () => {
    const jittered = { ...policy, jitter: 0.1 };
    expect(backoffDelay(1, jittered, () => 0)).toBe(450);
    expect(backoffDelay(1, jittered, () => 1)).toBe(550);
  });
});
