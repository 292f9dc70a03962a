// How long requests may wait, and the backoff of "no manager yet" retries.
import { addUtcDays, startOfUtcDay } from "@/lib/clock";

/** A sign request undecided this long after submission is closed as Expired. */
const SIGN_REQUEST_LIFETIME_DAYS = 90;

export function signRequestExpiresAt(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + SIGN_REQUEST_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}

/** Publish requests expire at the start (00:00 UTC) of their expected date. */
export function publishRequestExpiresAt(expectedDate: Date): Date {
  return addUtcDays(expectedDate, 0);
}

/** A scheduled release goes live at the start (00:00 UTC) of its publication date. */
export function releaseGoesLiveAt(scheduledDate: Date): Date {
  return startOfUtcDay(scheduledDate);
}

const ASSIGNMENT_RETRY_BASE_MS = 5_000;
const ASSIGNMENT_RETRY_MAX_MS = 10 * 60_000;

/** When to look for a manager again after `attempt` tries found none. */
export function nextAssignmentAttemptAt(now: Date, attempt: number): Date {
  const delay = Math.min(ASSIGNMENT_RETRY_MAX_MS, ASSIGNMENT_RETRY_BASE_MS * 2 ** Math.min(attempt, 20));
  return new Date(now.getTime() + delay);
}
