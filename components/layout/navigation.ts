// The navigation of each role (docs/domain.md §1): what a person sees in the header. Pure.
import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string };

const navigation: Record<Role, NavItem[]> = {
  USER: [
    { href: "/requests", label: "My requests" },
    { href: "/requests/new/sign-contract", label: "Join the label" },
  ],
  ARTIST: [
    { href: "/requests", label: "My requests" },
    { href: "/releases", label: "Releases" },
    { href: "/statistics", label: "Statistics" },
  ],
  MANAGER: [
    { href: "/manager/requests", label: "Queue" },
    { href: "/manager/artists", label: "Artists" },
    { href: "/manager/report", label: "Report" },
  ],
  ADMIN: [
    { href: "/admin/users", label: "Users" },
    { href: "/admin/managers", label: "Managers" },
    { href: "/admin/requests", label: "All requests" },
    { href: "/admin/failed-events", label: "Failed events" },
    { href: "/admin/audit", label: "Audit log" },
  ],
};

export function navigationFor(role: Role): NavItem[] {
  return navigation[role];
}

/**
 * The item to highlight for a path: the longest matching href, so /requests/new/sign-contract
 * lights up "Join the label" and not "My requests" as well.
 */
export function activeNavHref(items: NavItem[], pathname: string): string | null {
  const matches = items.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  matches.sort((a, b) => b.href.length - a.href.length);
  return matches[0]?.href ?? null;
}
