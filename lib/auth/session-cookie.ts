// The session cookie Auth.js writes at sign-in (a JWE naming the user and the session's row),
// read and renewed without running Auth.js's session endpoint (decision 021). That endpoint
// decrypts the cookie and encrypts a fresh one on every call, and next-auth's proxy wrapper puts
// the fresh one on every response: twice the work, and a Set-Cookie on answers that race a
// sign-out (a refresh of the page in flight while "Sign out everywhere" runs gave the browser
// its cookie back). Here the proxy decrypts once and renews the cookie only on a page load
// (decision 021 says when). Uses Auth.js's own `encode`/`decode`, so the format stays theirs.
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

/** The decrypted session cookie (checked signature and expiry), or null. */
export async function readSessionToken(cookies: CookieSource, secure: boolean, secret: string): Promise<SessionToken | null> {
  const name = sessionCookieName(secure);
  const value = cookieValue(cookies, name);
  if (!value) return null;
  try {
    return await decode<JWT>({ token: value, secret, salt: name });
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
