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

/**
 * A callbackUrl is followed only when it is a path on this site: never another origin
 * ("//evil.example", "https://…", "/\\evil") and never back to the sign-in pages.
 */
export function safeCallbackPath(callbackUrl: unknown): string | null {
  if (typeof callbackUrl !== "string" || callbackUrl.length === 0 || callbackUrl.length > 2000) return null;
  if (!callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.includes("\\")) return null;
  if (/[\u0000-\u001f]/.test(callbackUrl)) return null;
  let url: URL;
  try {
    url = new URL(callbackUrl, "http://cook-droogers.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://cook-droogers.invalid") return null;
  if (url.pathname === "/login" || url.pathname === "/register" || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The callbackUrl when it is safe, otherwise the role's home. */
export function afterSignInPath(role: Role, callbackUrl: unknown): string {
  return safeCallbackPath(callbackUrl) ?? roleHome(role);
}
