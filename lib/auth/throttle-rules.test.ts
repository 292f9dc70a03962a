// The window arithmetic of sign-in throttling (docs/domain.md §11): counting, the limit, the
// lock of a whole window from the failure that reached it, and attempts given back.
import { describe, expect, it } from "vitest";
import { admitAttempt, recordFailure, releaseAttempt, throttleRules, tooManyAttemptsMessage, type ThrottleCounter } from "@/lib/auth/throttle-rules";

const MINUTE = 60_000;
const rule = { limit: 5, windowMs: 15 * MINUTE };
const start = new Date("2026-12-01T10:00:00.000Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

/** Five admitted attempts that each fail, one a minute from `start`. */
function fiveFailures(): ThrottleCounter | null {
  let counter: ThrottleCounter | null = null;
  for (let minute = 0; minute < 5; minute += 1) {
    const admission = admitAttempt(counter, rule, at(minute));
    if (!admission.allowed) throw new Error(`refused at minute ${minute}`);
    counter = recordFailure(admission.counter, rule, admission.counter.windowStart, at(minute));
  }
  return counter;
}

describe("throttleRules", () => {
  it("takes the three limits from configuration and keeps the product's windows", () => {
    expect(throttleRules({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: 5, SIGNIN_MAX_FAILURES_PER_ADDRESS: 50, REGISTRATIONS_PER_ADDRESS_PER_HOUR: 10 })).toEqual({
      signInAccount: { limit: 5, windowMs: 15 * MINUTE },
      signInAddress: { limit: 50, windowMs: 15 * MINUTE },
      registrationAddress: { limit: 10, windowMs: 60 * MINUTE },
    });
  });
});

describe("admitAttempt", () => {
  it("opens a window with the first attempt", () => {
    expect(admitAttempt(null, rule, start)).toEqual({ allowed: true, counter: { windowStart: start, count: 1 } });
  });

  it("counts attempts in the window up to the limit, then refuses until the window ends", () => {
    const counter = { windowStart: start, count: 4 };
    expect(admitAttempt(counter, rule, at(3))).toEqual({ allowed: true, counter: { windowStart: start, count: 5 } });
    expect(admitAttempt({ windowStart: start, count: 5 }, rule, at(3))).toEqual({ allowed: false, retryAt: at(15) });
  });

  it("starts afresh once the window has ended, exactly at its end", () => {
    expect(admitAttempt({ windowStart: start, count: 5 }, rule, new Date(at(15).getTime() - 1)).allowed).toBe(false);
    expect(admitAttempt({ windowStart: start, count: 5 }, rule, at(15))).toEqual({ allowed: true, counter: { windowStart: at(15), count: 1 } });
  });

  it("treats a counter with nothing counted as none", () => {
    expect(admitAttempt({ windowStart: start, count: 0 }, rule, at(7))).toEqual({ allowed: true, counter: { windowStart: at(7), count: 1 } });
  });
});

describe("recordFailure", () => {
  it("keeps the window while under the limit", () => {
    const counter = { windowStart: start, count: 3 };
    expect(recordFailure(counter, rule, start, at(2))).toBe(counter);
  });

  it("locks for a whole window from the failure that reaches the limit", () => {
    expect(fiveFailures()).toEqual({ windowStart: at(4), count: 5 });
    const locked = fiveFailures();
    // Even the right password is not tried: the attempt is refused before it starts.
    expect(admitAttempt(locked, rule, at(18))).toEqual({ allowed: false, retryAt: at(19) });
    expect(admitAttempt(locked, rule, at(19)).allowed).toBe(true);
  });

  it("changes nothing for an attempt counted in a window that has since been replaced", () => {
    const counter = { windowStart: at(20), count: 5 };
    expect(recordFailure(counter, rule, start, at(21))).toBe(counter);
    expect(recordFailure(null, rule, start, at(21))).toBeNull();
  });
});

describe("releaseAttempt", () => {
  it("gives a successful attempt back within its window", () => {
    expect(releaseAttempt({ windowStart: start, count: 3 }, start)).toEqual({ windowStart: start, count: 2 });
    expect(releaseAttempt({ windowStart: start, count: 0 }, start)).toEqual({ windowStart: start, count: 0 });
  });

  it("leaves a newer window alone", () => {
    const counter = { windowStart: at(16), count: 1 };
    expect(releaseAttempt(counter, start)).toBe(counter);
  });

  it("lets four failures and a success leave room for one more failure only", () => {
    let counter: ThrottleCounter | null = null;
    for (let minute = 0; minute < 4; minute += 1) {
      const admission = admitAttempt(counter, rule, at(minute));
      if (!admission.allowed) throw new Error("refused");
      counter = recordFailure(admission.counter, rule, admission.counter.windowStart, at(minute));
    }
    const success = admitAttempt(counter, rule, at(5));
    if (!success.allowed) throw new Error("refused");
    counter = releaseAttempt(success.counter, success.counter.windowStart);
    // A success does not clear earlier failures (decision 011).
    expect(counter).toEqual({ windowStart: start, count: 4 });
  });
});

describe("tooManyAttemptsMessage", () => {
  it.each([
    [15 * MINUTE, "Too many attempts. Try again in 15 minutes."],
    [14 * MINUTE + 1, "Too many attempts. Try again in 15 minutes."],
    [14 * MINUTE, "Too many attempts. Try again in 14 minutes."],
    [MINUTE, "Too many attempts. Try again in 1 minute."],
    [1, "Too many attempts. Try again in 1 minute."],
    [0, "Too many attempts. Try again in 1 minute."],
  ])("says when to try again (%i ms left)", (left, message) => {
    expect(tooManyAttemptsMessage(new Date(start.getTime() + left), start)).toBe(message);
  });
});
