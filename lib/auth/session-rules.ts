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

/**
 * How old the session cookie gets before a page load renews it (sliding: it lasts the idle limit
 * from its last renewal). Only whole page loads renew it, never a server action, a client-side
 * navigation, a prefetch or a refresh: those can be in flight while a sign-out clears the cookie,
 * and a renewal answered after it would give the browser its cookie back (decision 021).
 */
export const SESSION_COOKIE_RENEWAL_MS = HOUR_MS;

/** Whether this request should carry a renewed session cookie back; `issuedAtSeconds` is the cookie's `iat`. */
export function shouldRenewSessionCookie({ pageLoad, issuedAtSeconds, now }: { pageLoad: boolean; issuedAtSeconds: number | undefined; now: Date }): boolean {
  if (!pageLoad) return false;
  if (issuedAtSeconds === undefined || !Number.isFinite(issuedAtSeconds)) return true;
  return now.getTime() - issuedAtSeconds * 1000 >= SESSION_COOKIE_RENEWAL_MS;
}

/** Rows this old (ended, or unused past the idle limit) are pruned by the worker. */
export function prunableBefore(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_LIMIT_MS);
}
