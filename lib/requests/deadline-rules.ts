// The deadline rules of a request (docs/domain.md §3.1 step 6, §3.2 step 6, §9 "Deadlines"):
// when it expires, when its manager is reminded, what "expiring soon" means, and the time
// left in words. Pure; storing and scheduling a deadline is lib/requests/deadline.ts.
import { startOfUtcDay } from "@/lib/clock";
import type { RequestType } from "@/lib/generated/prisma/enums";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A sign request undecided this long after its first submission expires (to the moment). */
const SIGN_REQUEST_LIFETIME_DAYS = 90;

/**
 * "Soon": the assigned manager is reminded this long before a request expires, and the queue's
 * filter "Expiring within 7 days" shows the open requests expiring within it.
 */
export const EXPIRY_WARNING_DAYS = 7;

/**
 * When a request expires if it is still open: a sign request 90 × 24 hours after its
 * submission (a resubmission does not move it), a publish request at 00:00 UTC of its
 * expected date. Pure.
 */
export function requestExpiresAt(request: { type: RequestType; createdAt: Date; expectedDate: Date | null }): Date {
  if (request.type === "SIGN_CONTRACT") return new Date(request.createdAt.getTime() + SIGN_REQUEST_LIFETIME_DAYS * DAY_MS);
  if (!request.expectedDate) throw new Error("A publish request has an expected date");
  return startOfUtcDay(request.expectedDate);
}

/** When the assigned manager is reminded of a deadline. Pure. */
export function reminderDueAt(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - EXPIRY_WARNING_DAYS * DAY_MS);
}

/** The last instant the queue's "Expiring within 7 days" covers, seen at `now`. Pure. */
export function expiringSoonUntil(now: Date): Date {
  return new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS);
}

/** Whether a deadline falls within the warning window (a past one counts: it is overdue). Pure. */
export function isExpiringSoon(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= expiringSoonUntil(now).getTime();
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * How long is left, in words: "in 12 days", "in 5 hours", "in 3 minutes" (rounded down, so
 * never more than is left); "any moment now" once the deadline has passed (the worker is
 * about to expire it). Pure.
 */
export function timeLeftWords(expiresAt: Date, now: Date): string {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return "any moment now";
  if (left >= DAY_MS) return `in ${plural(Math.floor(left / DAY_MS), "day")}`;
  if (left >= HOUR_MS) return `in ${plural(Math.floor(left / HOUR_MS), "hour")}`;
  const minutes = Math.floor(left / 60_000);
  return minutes >= 1 ? `in ${plural(minutes, "minute")}` : "in less than a minute";
}
