import { describe, expect, it } from "vitest";
import {
  isSessionLive,
  LAST_SEEN_RESOLUTION_MS,
  prunableBefore,
  SESSION_COOKIE_RENEWAL_MS,
  SESSION_IDLE_LIMIT_MS,
  shouldRenewSessionCookie,
  shouldTouchSession,
} from "@/lib/auth/session-rules";

const now = new Date("2026-11-24T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("session rules", () => {
  it("keeps a session live until it is ended or idle for the whole limit", () => {
    expect(isSessionLive({ endedAt: null, lastSeenAt: ago(0) }, now)).toBe(true);
    expect(isSessionLive({ endedAt: null, lastSeenAt: ago(SESSION_IDLE_LIMIT_MS - 1) }, now)).toBe(true);
    expect(isSessionLive({ endedAt: null, lastSeenAt: ago(SESSION_IDLE_LIMIT_MS) }, now)).toBe(false);
    expect(isSessionLive({ endedAt: ago(1), lastSeenAt: ago(0) }, now)).toBe(false);
  });

  it("records a visit at most once per resolution period", () => {
    expect(shouldTouchSession({ endedAt: null, lastSeenAt: ago(LAST_SEEN_RESOLUTION_MS - 1) }, now)).toBe(false);
    expect(shouldTouchSession({ endedAt: null, lastSeenAt: ago(LAST_SEEN_RESOLUTION_MS) }, now)).toBe(true);
  });

  it("renews the cookie only on a page load, and only once it is older than the renewal period (decision 021)", () => {
    const issued = (ms: number) => ago(ms).getTime() / 1000;
    expect(shouldRenewSessionCookie({ pageLoad: true, issuedAtSeconds: issued(SESSION_COOKIE_RENEWAL_MS - 1000), now })).toBe(false);
    expect(shouldRenewSessionCookie({ pageLoad: true, issuedAtSeconds: issued(SESSION_COOKIE_RENEWAL_MS), now })).toBe(true);
    expect(shouldRenewSessionCookie({ pageLoad: true, issuedAtSeconds: undefined, now })).toBe(true);
    // A server action, a refresh or a prefetch never renews it, however old: it may race a sign-out.
    expect(shouldRenewSessionCookie({ pageLoad: false, issuedAtSeconds: issued(SESSION_IDLE_LIMIT_MS - 1000), now })).toBe(false);
  });

  it("prunes rows past the idle limit", () => {
    expect(prunableBefore(now)).toEqual(ago(SESSION_IDLE_LIMIT_MS));
  });
});
