// The one source of "now" and the label's calendar (UTC days), so date rules are testable.
// Convention: a function that needs the time takes `clock: Clock = systemClock` (its last
// parameter, or `clock` in an options object it already has) and reads `clock.now()` once;
// a pure rule takes the instant or day it judges as an argument. Nothing else calls `new Date()`.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `instant`: for tests and for replaying a decision at a known time. */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day containing `instant`. */
export function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function addUtcDays(day: Date, days: number): Date {
  return new Date(startOfUtcDay(day).getTime() + days * DAY_MS);
}

/** Same calendar day a year later; 29 Feb becomes 28 Feb. */
export function addUtcYears(day: Date, years: number): Date {
  const start = startOfUtcDay(day);
  const target = new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

export function addUtcMonths(day: Date, months: number): Date {
  const start = startOfUtcDay(day);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

/** "2026-12-12" for a UTC day. */
export function toIsoDay(day: Date): string {
  return startOfUtcDay(day).toISOString().slice(0, 10);
}

/** Parses "YYYY-MM-DD" as a UTC day; null when it is not a real calendar date. */
export function parseIsoDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00.000Z`);
  return Number.isNaN(day.getTime()) || toIsoDay(day) !== text ? null : day;
}

// The label's dates are written out by hand, not with Intl: a list's rows are also rendered in the
// browser (components/requests/queue-rows.tsx), and the browser's Intl data need not match the
// server's ("Sep" or "Sept"), which would make the page's two renders differ. These are the
// names the server's en-GB format gave.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"] as const;
const twoDigits = (value: number) => String(value).padStart(2, "0");

/** "12 Dec 2026" */
export function formatDay(day: Date): string {
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/** "12 Dec 2026, 14:05 UTC" */
export function formatDateTime(instant: Date): string {
  return `${formatDay(instant)}, ${twoDigits(instant.getUTCHours())}:${twoDigits(instant.getUTCMinutes())} UTC`;
}
