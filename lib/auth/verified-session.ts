// The session cookie is decrypted once per request (decision 021): proxy.ts verifies it for
// every private page and hands the claims it found (user id, session row id) to the page in a
// request header. The proxy sets or removes this header on every request it passes on, so a
// value a client sends never arrives. The claims are not the check: guards.currentUser still
// reads the session's row on every request (decision 012). Edge-safe (the proxy imports it).

export const VERIFIED_SESSION_HEADER = "x-cook-droogers-verified-session";

export type SessionClaims = { userId: number; sessionId: string };

/** The header's value for claims read from a verified cookie. */
export function formatSessionClaims(claims: SessionClaims): string {
  return `${claims.userId} ${claims.sessionId}`;
}

/** Claims from a session the cookie named (next-auth's `session.user.id` and `session.sessionId`); null when incomplete. */
export function sessionClaims(userId: string | number | undefined, sessionId: string | undefined): SessionClaims | null {
  const id = Number(userId);
  if (!Number.isInteger(id) || id <= 0 || !sessionId) return null;
  return { userId: id, sessionId };
}

/** The header's claims; null when absent or malformed. */
export function parseSessionClaims(value: string | null | undefined): SessionClaims | null {
  if (!value) return null;
  const match = /^(\d{1,10}) ([A-Za-z0-9_-]{1,64})$/.exec(value);
  return match ? sessionClaims(match[1], match[2]) : null;
}
