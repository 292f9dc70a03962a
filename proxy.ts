// Runs before every page and route handler (not static files): sets the security headers of
// docs/domain.md §11 with a fresh CSP nonce per request (Next.js reads the nonce from the
// request's Content-Security-Policy and puts it on its own scripts), and sends signed-out
// visitors of private pages to /login?callbackUrl=…. The sign-in check only reads the signed
// session cookie (edge-safe config, no Prisma, no argon2); who may do what is decided in pages
// and actions by requireUser/requireRole.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";
import { createNonce, securityHeaders, servedOverHttps } from "@/lib/security/security-headers";

const { auth } = NextAuth(authConfig);

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
  return NextResponse.rewrite(new URL("/not-a-page", request.nextUrl.origin), { request: { headers } });
}

/** Passes the request on with its CSP, which is where Next.js finds the nonce. */
function continueWith(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}

function signInGate(policy: string) {
  return auth((request) => {
    if (request.auth?.user) return continueWith(request, policy);
    const { pathname, search } = request.nextUrl;
    const loginUrl = new URL("/login", request.nextUrl.origin);
    loginUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(loginUrl);
  }) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
}

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
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
      ? await signInGate(policy)(request, event)
      : continueWith(request, policy);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's static files (content-hashed, served as they are).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
