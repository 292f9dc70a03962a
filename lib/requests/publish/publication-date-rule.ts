// The publish date rule (docs/domain.md §3.2): strictly later than today + 7 days, in UTC days. Pure.
import { addUtcDays, startOfUtcDay } from "@/lib/clock";

export const MIN_DAYS_AHEAD = 8;

/** The first publication date allowed for a request submitted at `now`. */
export function earliestPublicationDate(now: Date): Date {
  return addUtcDays(startOfUtcDay(now), MIN_DAYS_AHEAD);
}

export function isPublicationDateAllowed(expectedDate: Date, now: Date): boolean {
  return startOfUtcDay(expectedDate).getTime() >= earliestPublicationDate(now).getTime();
}

/** The contract must not end before the publication date: ending on that very day is fine. */
export function isWithinContract(expectedDate: Date, contractDueDate: Date): boolean {
  return startOfUtcDay(contractDueDate).getTime() >= startOfUtcDay(expectedDate).getTime();
}
