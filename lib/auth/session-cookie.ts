// The session cookie Auth.js writes at sign-in (a JWE naming the user and the session's row),
// read and renewed without running Auth.js's session endpoint (decision 021). That endpoint
// decrypts the cookie and encrypts a fresh one on every call, and next-auth's proxy wrapper puts
// the fresh one on every response: twice the work, and a Set-Cookie on answers that race a
// sign-out (a refresh of the page in flight while "Sign out everywhere" runs gave the browser
// its cookie back). Here the proxy decrypts once and renews the cookie only on a page load
// (decision 021 says when). Uses Auth.js's own `encode`/`decode`, so the format stays theirs.
// A cookie value once verified is remembered until it expires (decision 022): the same
// value always decrypts to the same claims, so each request of a session does not derive the key
// and decrypt again; whether the session row still stands is read by the page every time.
import { decode, encode, type JWT } from "next-auth/jwt";
import { SESSION_IDLE_LIMIT_MS } from "@/lib/auth/session-rules";
import { sessionClaims, type SessionClaims } from "@/lib/auth/verified-session";

const BASE_COOKIE_NAME = "authjs.session-token";

/**
 * Whether Auth.js uses the `__Secure-` cookie for this request: it judges the URL it builds from
 * AUTH_URL (or NEXTAUTH_URL) when set, else from `x-forwarded-proto`, assuming https without it.
 */
export function usesSecureCookie(forwardedProto: string | null, authUrl: string | undefined = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL): boolean {
  if (authUrl) return authUrl.startsWith("https:");
  return (forwardedProto ?? "https").startsWith("https");
}

export function sessionCookieName(secure: boolean): string {
  return secure ? `__Secure-${BASE_COOKIE_NAME}` : BASE_COOKIE_NAME;
}

type CookieSource = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The cookie's value; Auth.js splits one over 4 kB into `name.0`, `name.1`, … */
function cookieValue(cookies: CookieSource, name: string): string | undefined {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .map((cookie) => ({ index: Number(cookie.name.startsWith(`${name}.`) ? cookie.name.slice(name.length + 1) : NaN), value: cookie.value }))
    .filter((chunk) => Number.isInteger(chunk.index) && chunk.index >= 0)
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : undefined;
}

export type SessionToken = JWT;

/** How many verified cookie values this process remembers (the oldest go first). */
export const VERIFIED_COOKIE_MEMORY_SIZE = 10_000;

/**
 * Verified cookie values (key: cookie name and value), each with the secret that verified it and
 * its claims, served again only under the same secret and before the token's expiry.
 */
export function createVerifiedCookieMemory(limit: number = VERIFIED_COOKIE_MEMORY_SIZE) {
  const entries = new Map<string, { secret: string; token: SessionToken }>();
  return {
    recall(key: string, secret: string, nowMs: number): SessionToken | null {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.secret === secret && typeof entry.token.exp === "number" && entry.token.exp * 1000 > nowMs) return entry.token;
      entries.delete(key);
      return null;
    },
    remember(key: string, secret: string, token: SessionToken): void {
      if (typeof token.exp !== "number") return;
      entries.delete(key);
      if (entries.size >= limit) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, { secret, token: Object.freeze({ ...token }) });
    },
  };
}

const verifiedCookies = createVerifiedCookieMemory();

/** The decrypted session cookie (checked signature and expiry), or null. */
export async function readSessionToken(cookies: CookieSource, secure: boolean, secret: string, nowMs: number = Date.now()): Promise<SessionToken | null> {
  const name = sessionCookieName(secure);
  const value = cookieValue(cookies, name);
  if (!value) return null;
  const key = `${name}=${value}`;
  const remembered = verifiedCookies.recall(key, secret, nowMs);
  if (remembered) return remembered;
  try {
    const token = await decode<JWT>({ token: value, secret, salt: name });
    if (token) verifiedCookies.remember(key, secret, token);
    return token;
  } catch {
    return null;
  }
}

/** What the cookie claims (user id, session row id); the row is checked by the page (decision 012). */
export function tokenClaims(token: SessionToken | null): SessionClaims | null {
  if (!token) return null;
  return sessionClaims(token.sub ?? undefined, typeof token.sid === "string" ? token.sid : undefined);
}

/** The same claims in a new cookie value that lasts the idle limit from now (Auth.js's format). */
export async function renewedSessionCookie(token: SessionToken, secure: boolean, secret: string): Promise<{ name: string; value: string; maxAge: number }> {
  const name = sessionCookieName(secure);
  // encode sets iat, exp and jti afresh.
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const maxAge = SESSION_IDLE_LIMIT_MS / 1000;
  const value = await encode({ token: claims, secret, salt: name, maxAge });
  return { name, value, maxAge };
}

/** The cookie options Auth.js gives its session cookie. */
export function sessionCookieOptions(secure: boolean, maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge, expires: new Date(Date.now() + maxAge * 1000) };
}
