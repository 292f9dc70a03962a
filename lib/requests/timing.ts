// When a release goes live, and the backoff of "no manager yet" retries (a request's deadline:
// lib/requests/deadline.ts).
import { startOfUtcDay } from "@/lib/clock";

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
