// The arithmetic of sign-in and registration throttling (docs/domain.md §11), pure so that it
// is tested alone; lib/auth/throttle.ts keeps the counters in PostgreSQL and applies these
// steps under a row lock, so several web processes share one count.
//
// A counter counts attempts in a fixed window that opens with the first attempt. An attempt is
// counted *before* the password is checked (so a refusal costs no Argon2 hash and concurrent
// attempts cannot overshoot the limit) and given back when it turns out to have succeeded.
// The attempt that reaches the limit and fails restarts the window, so the lock lasts a whole
// window from the last failure counted.

export type ThrottleRule = { limit: number; windowMs: number };

export type ThrottleCounter = { windowStart: Date; count: number };

export type Admission = { allowed: true; counter: ThrottleCounter } | { allowed: false; retryAt: Date };

const MINUTE_MS = 60_000;

export type ThrottleLimits = {
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: number;
  SIGNIN_MAX_FAILURES_PER_ADDRESS: number;
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: number;
};

/** The three rules of §11; only the limits are configuration, the windows are the product's. */
export function throttleRules(limits: ThrottleLimits) {
  return {
    signInAccount: { limit: limits.SIGNIN_MAX_FAILURES_PER_ACCOUNT, windowMs: 15 * MINUTE_MS },
    signInAddress: { limit: limits.SIGNIN_MAX_FAILURES_PER_ADDRESS, windowMs: 15 * MINUTE_MS },
    registrationAddress: { limit: limits.REGISTRATIONS_PER_ADDRESS_PER_HOUR, windowMs: 60 * MINUTE_MS },
  } satisfies Record<string, ThrottleRule>;
}

export type ThrottleRules = ReturnType<typeof throttleRules>;

/** The longest window: a counter older than this counts as none under every rule. */
export const longestWindowMs = 60 * MINUTE_MS;

function windowOpen(counter: ThrottleCounter | null, rule: ThrottleRule, now: Date): counter is ThrottleCounter {
  return counter !== null && counter.count > 0 && now.getTime() < counter.windowStart.getTime() + rule.windowMs;
}

/** May another attempt start now? If so, the counter with it counted. */
export function admitAttempt(counter: ThrottleCounter | null, rule: ThrottleRule, now: Date): Admission {
  if (!windowOpen(counter, rule, now)) return { allowed: true, counter: { windowStart: now, count: 1 } };
  if (counter.count >= rule.limit) return { allowed: false, retryAt: new Date(counter.windowStart.getTime() + rule.windowMs) };
  return { allowed: true, counter: { windowStart: counter.windowStart, count: counter.count + 1 } };
}

/**
 * An admitted attempt failed: it stays counted; if the limit is reached, the window restarts
 * now so the lock lasts a whole window. `admittedIn` is the window the attempt was counted
 * in; when that window has since been replaced, the attempt belongs to none and changes nothing.
 */
export function recordFailure(counter: ThrottleCounter | null, rule: ThrottleRule, admittedIn: Date, now: Date): ThrottleCounter | null {
  if (!counter || counter.windowStart.getTime() !== admittedIn.getTime()) return counter;
  if (counter.count < rule.limit) return counter;
  return { windowStart: now, count: counter.count };
}

/** An admitted attempt succeeded (or never ran): it is given back, within the same window only. */
export function releaseAttempt(counter: ThrottleCounter | null, admittedIn: Date): ThrottleCounter | null {
  if (!counter || counter.windowStart.getTime() !== admittedIn.getTime()) return counter;
  return { windowStart: counter.windowStart, count: Math.max(0, counter.count - 1) };
}

/** "Too many attempts. Try again in 14 minutes." — whole minutes, rounded up, at least one. */
export function tooManyAttemptsMessage(retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE_MS));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
