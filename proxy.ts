// Sends signed-out visitors of private pages to /login?callbackUrl=…. It only reads the
// signed session cookie (edge-safe config, no Prisma, no argon2); who may do what is
// decided in pages and actions by requireUser/requireRole.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";

const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const loginUrl = new URL("/login", request.nextUrl.origin);
  loginUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(loginUrl);
});

export const config = {
  matcher: [
    "/requests/:path*",
    "/releases/:path*",
    "/statistics/:path*",
    "/manager/:path*",
    "/admin/:path*",
    "/notifications/:path*",
  ],
};
