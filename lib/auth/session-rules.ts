// When a signed-in session is still good (docs/domain.md §11, decision 012). Pure: the
// instant judged is an argument. lib/auth/sessions.ts applies it to the session rows.

const HOUR_MS = 60 * 60 * 1000;

/** A session unused this long is over; also the session cookie's own lifetime (sliding). */
export const SESSION_IDLE_LIMIT_MS = 14 * 24 * HOUR_MS;

/** How stale `lastSeenAt` may get before a request writes it again (one write per hour at most). */
export const LAST_SEEN_RESOLUTION_MS = HOUR_MS;

export type SessionState = { endedAt: Date | null; lastSeenAt: Date };

/** Live: not ended, and used within the idle limit. */
export function isSessionLive(session: SessionState, now: Date): boolean {
  return session.endedAt === null && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_LIMIT_MS;
}

/** Whether this request should record that the session was seen. */
export function shouldTouchSession(session: SessionState, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}

/** Rows this old (ended, or unused past the idle limit) are pruned by the worker. */
export function prunableBefore(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_LIMIT_MS);
}
