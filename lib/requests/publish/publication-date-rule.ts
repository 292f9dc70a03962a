// The publish date rule (docs/domain.md §3.2): strictly later than today + 7 days, in UTC days. Pure.
import { addUtcDays, startOfUtcDay } from "@/lib/clock";

/** The label's notice: a publication date must be strictly later than today + this many days. */
const PUBLICATION_NOTICE_DAYS = 7;

/** The rule in people's words, for messages and hints. */
export const PUBLICATION_NOTICE_WORDS = `more than ${PUBLICATION_NOTICE_DAYS} days from today`;

/** The first publication date allowed for a request submitted at `now`. */
export function earliestPublicationDate(now: Date): Date {
  return addUtcDays(startOfUtcDay(now), PUBLICATION_NOTICE_DAYS + 1);
}

export function isPublicationDateAllowed(expectedDate: Date, now: Date): boolean {
  return startOfUtcDay(expectedDate).getTime() >= earliestPublicationDate(now).getTime();
}

/** The contract must not end before the publication date: ending on that very day is fine. */
export function isWithinContract(expectedDate: Date, contractDueDate: Date): boolean {
  return startOfUtcDay(contractDueDate).getTime() >= startOfUtcDay(expectedDate).getTime();
}
