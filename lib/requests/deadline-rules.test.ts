import { describe, expect, it } from "vitest";
import { expiringSoonUntil, isExpiringSoon, reminderDueAt, requestExpiresAt, timeLeftWords } from "./deadline-rules";

const at = (iso: string) => new Date(iso);

describe("requestExpiresAt", () => {
  it("expires a sign request exactly 90 × 24 hours after submission, whatever its expected date", () => {
    expect(requestExpiresAt({ type: "SIGN_CONTRACT", createdAt: at("2026-11-24T23:59:59.000Z"), expectedDate: null }).toISOString()).toBe(
      "2027-02-22T23:59:59.000Z",
    );
  });

  it("expires a publish request at 00:00 UTC of its expected date, whenever it was submitted", () => {
    const expectedDate = at("2026-12-12T00:00:00.000Z");
    expect(requestExpiresAt({ type: "PUBLISH_RELEASE", createdAt: at("2026-12-01T18:30:00.000Z"), expectedDate }).toISOString()).toBe(
      "2026-12-12T00:00:00.000Z",
    );
  });

  it("refuses a publish request without an expected date instead of inventing a deadline", () => {
    expect(() => requestExpiresAt({ type: "PUBLISH_RELEASE", createdAt: at("2026-12-01T00:00:00.000Z"), expectedDate: null })).toThrow();
  });
});

describe("the 7-day warning", () => {
  it("reminds exactly 7 × 24 hours before the deadline", () => {
    expect(reminderDueAt(at("2026-12-12T00:00:00.000Z")).toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });

  it("counts a deadline as expiring soon up to and including now + 7 days, and an overdue one too", () => {
    const now = at("2026-12-01T12:00:00.000Z");
    expect(expiringSoonUntil(now).toISOString()).toBe("2026-12-08T12:00:00.000Z");
    expect(isExpiringSoon(at("2026-12-08T12:00:00.000Z"), now)).toBe(true);
    expect(isExpiringSoon(at("2026-12-08T12:00:00.001Z"), now)).toBe(false);
    expect(isExpiringSoon(at("2026-11-30T00:00:00.000Z"), now)).toBe(true);
  });
});

describe("timeLeftWords", () => {
  const now = at("2026-12-01T12:00:00.000Z");
  const plus = (ms: number) => new Date(now.getTime() + ms);
  const HOUR = 60 * 60 * 1000;

  it("speaks in whole days, then hours, then minutes, rounding down", () => {
    expect(timeLeftWords(plus(12 * 24 * HOUR + 23 * HOUR), now)).toBe("in 12 days");
    expect(timeLeftWords(plus(24 * HOUR), now)).toBe("in 1 day");
    expect(timeLeftWords(plus(24 * HOUR - 1), now)).toBe("in 23 hours");
    expect(timeLeftWords(plus(5 * HOUR + 59 * 60_000), now)).toBe("in 5 hours");
    expect(timeLeftWords(plus(HOUR), now)).toBe("in 1 hour");
    expect(timeLeftWords(plus(3 * 60_000 + 59_000), now)).toBe("in 3 minutes");
    expect(timeLeftWords(plus(60_000), now)).toBe("in 1 minute");
    expect(timeLeftWords(plus(59_000), now)).toBe("in less than a minute");
  });

  it("says the deadline has come once it has passed (the worker is about to expire the request)", () => {
    expect(timeLeftWords(now, now)).toBe("any moment now");
    expect(timeLeftWords(plus(-HOUR), now)).toBe("any moment now");
  });
});
