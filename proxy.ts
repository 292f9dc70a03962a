// Runs before every page and route handler (not static files): sets the security headers of
// docs/domain.md §11 with a fresh CSP nonce per request (Next.js reads the nonce from the
// request's Content-Security-Policy and puts it on its own scripts), and sends signed-out
// visitors of private pages to /login?callbackUrl=…. The sign-in check only reads the signed
// session cookie (edge-safe config, no Prisma, no argon2); who may do what is decided in pages
// and actions by requireUser/requireRole. The claims of the verified cookie go on to the page in
// one request header, so the page does not decrypt the cookie again (lib/auth/verified-session.ts).
// The cookie is renewed only on page loads, never on an answer that can race a sign-out
// (lib/auth/session-cookie.ts, decision 021).
import { NextResponse, type NextRequest } from "next/server";
import { renewedSessionCookie, readSessionToken, sessionCookieName, sessionCookieOptions, tokenClaims, usesSecureCookie } from "@/lib/auth/session-cookie";
import { shouldRenewSessionCookie } from "@/lib/auth/session-rules";
import { formatSessionClaims, VERIFIED_SESSION_HEADER, type SessionClaims } from "@/lib/auth/verified-session";
import { systemClock } from "@/lib/clock";
import { authSecret } from "@/lib/env";
import { createNonce, securityHeaders, servedOverHttps } from "@/lib/security/security-headers";

/** Auth.js never splits a cookie this short; a longer renewal is left to the next sign-in. */
const MAX_COOKIE_VALUE_LENGTH = 3_900;

const privatePrefixes = ["/requests", "/releases", "/statistics", "/manager", "/admin", "/notifications", "/account"];

function isPrivatePath(pathname: string): boolean {
  return privatePrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * A path Next.js cannot decode (a broken percent-escape, bytes that are not UTF-8) names no page,
 * but Next.js would answer it with a 500 (docs/domain.md §11 "Bad input").
 */
function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The app's "not found" page, for a path that names nothing. */
function notFoundPage(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.delete(VERIFIED_SESSION_HEADER);
  return NextResponse.rewrite(new URL("/not-a-page", request.nextUrl.origin), { request: { headers } });
}

/**
 * Passes the request on with its CSP, which is where Next.js finds the nonce, and with the claims
 * of the session cookie when this proxy verified it. Any other value of that header is removed.
 */
function continueWith(request: NextRequest, policy: string, claims: SessionClaims | null = null): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  if (claims) headers.set(VERIFIED_SESSION_HEADER, formatSessionClaims(claims));
  else headers.delete(VERIFIED_SESSION_HEADER);
  return NextResponse.next({ request: { headers } });
}

/**
 * A whole page load: not a server action (POST), nor the router's fetch of a page's payload
 * (navigation, refresh, prefetch: header `RSC`), which can be in flight while a sign-out runs.
 */
function isPageLoad(request: NextRequest): boolean {
  if (request.method !== "GET") return false;
  const { headers } = request;
  if (headers.has("rsc") || headers.has("next-router-prefetch") || headers.has("next-action")) return false;
  const destination = headers.get("sec-fetch-dest");
  return destination === null || destination === "document";
}

/** A private page: signed-out visitors (no valid cookie) go to /login; the cookie's claims go on. */
async function signInGate(request: NextRequest, policy: string): Promise<NextResponse> {
  const secure = usesSecureCookie(request.headers.get("x-forwarded-proto"));
  const secret = authSecret();
  const token = await readSessionToken(request.cookies, secure, secret);
  const claims = tokenClaims(token);
  if (!token || !claims) {
    const { pathname, search } = request.nextUrl;
    const loginUrl = new URL("/login", request.nextUrl.origin);
    loginUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(loginUrl);
    // A cookie that does not verify (expired, another secret) is cleared, as Auth.js does.
    const name = sessionCookieName(secure);
    if (request.cookies.has(name)) redirect.cookies.set(name, "", sessionCookieOptions(secure, 0));
    return redirect;
  }
  const response = continueWith(request, policy, claims);
  if (shouldRenewSessionCookie({ pageLoad: isPageLoad(request), issuedAtSeconds: token.iat, now: systemClock.now() })) {
    const renewed = await renewedSessionCookie(token, secure, secret);
    if (renewed.value.length <= MAX_COOKIE_VALUE_LENGTH) response.cookies.set(renewed.name, renewed.value, sessionCookieOptions(secure, renewed.maxAge));
  }
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const headers = securityHeaders({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    https: servedOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto")),
  });
  const policy = headers["Content-Security-Policy"];
  const { pathname } = request.nextUrl;
  const response = !isDecodablePath(pathname)
    ? notFoundPage(request, policy)
    : isPrivatePath(pathname)
      ? await signInGate(request, policy)
      : continueWith(request, policy);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's static files (content-hashed, served as they are).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
