// Where a person lands after signing in, and which return addresses are safe to follow. Pure.
import type { Role } from "@/lib/generated/prisma/enums";

const homes: Record<Role, string> = {
  USER: "/requests",
  ARTIST: "/requests",
  MANAGER: "/manager/requests",
  ADMIN: "/admin/users",
};

export function roleHome(role: Role): string {
  return homes[role];
}

export const roleLabels: Record<Role, string> = {
  USER: "User",
  ARTIST: "Artist",
  MANAGER: "Manager",
  ADMIN: "Admin",
};

const MAX_CALLBACK_LENGTH = 2000;
const PROBE_ORIGIN = "http://cook-droogers.invalid";

/**
 * A callbackUrl is followed only when it is a path on this site: never another origin
 * ("//evil.example", "https://…", "/\\evil") and never back to the sign-in pages. The
 * normalised path is checked, not only the input: "/..//evil.example" normalises to
 * "//evil.example", which a browser would read as another origin; and so is its decoded form,
 * so that "/%2F%2Fevil.example" or an encoded control character cannot become one further on.
 */
export function safeCallbackPath(callbackUrl: unknown): string | null {
  if (typeof callbackUrl !== "string" || callbackUrl.length === 0 || callbackUrl.length > MAX_CALLBACK_LENGTH) return null;
  if (!isLocalPath(callbackUrl) || hasControlCharacter(callbackUrl)) return null;
  let url: URL;
  try {
    url = new URL(callbackUrl, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  const decodedPath = decodeOrNull(url.pathname);
  const decodedWhole = decodeOrNull(path);
  if (decodedPath === null || decodedWhole === null) return null;
  if (!isLocalPath(url.pathname) || !isLocalPath(decodedPath) || hasControlCharacter(decodedWhole)) return null;
  if (path.length > MAX_CALLBACK_LENGTH) return null;
  if (isSignInPath(url.pathname) || isSignInPath(decodedPath)) return null;
  return path;
}

/** Starts with one "/" and is not read as another origin ("//host", "/\\host") or with a backslash anywhere. */
function isLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\");
}

function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(text);
}

function isSignInPath(pathname: string): boolean {
  const lower = pathname.toLowerCase();
  return lower === "/login" || lower === "/register" || lower.startsWith("/api/");
}

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The callbackUrl when it is safe, otherwise the role's home. */
export function afterSignInPath(role: Role, callbackUrl: unknown): string {
  return safeCallbackPath(callbackUrl) ?? roleHome(role);
}
