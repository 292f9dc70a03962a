// The signed-in header: logo, the role's navigation, notifications with the unread count,
// the person's name (a link to their account page) and role, and "Sign out". On narrow
// screens the navigation scrolls in its own row instead of squeezing the account controls.
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/layout/logo";
import { NavLinks } from "@/components/layout/nav-links";
import { navigationFor } from "@/components/layout/navigation";
import { Badge } from "@/components/ui/badge";
import { roleHome, roleLabels } from "@/lib/auth/role-home";
import type { Role } from "@/lib/generated/prisma/enums";

export type AppHeaderProps = { user: { name: string; role: Role }; unreadCount: number };

export function AppHeader({ user, unreadCount }: AppHeaderProps) {
  const items = navigationFor(user.role);
  const unreadText = unreadCount > 99 ? "99+" : String(unreadCount);
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:h-16 sm:px-6">
        <Logo href={roleHome(user.role)} />
        <nav aria-label="Main" className="hidden min-w-0 flex-1 md:block">
          <NavLinks items={items} />
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
          <Link
            href="/notifications"
            className="relative inline-flex size-9 shrink-0 items-center justify-center rounded-md text-stone-600 hover:bg-stone-100 hover:text-stone-900"
            aria-label={unreadCount > 0 ? `Notifications (${unreadCount} unread)` : "Notifications"}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" className="size-5">
              <path strokeLinecap="round" strokeLinejoin="round" d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0" />
            </svg>
            {unreadCount > 0 ? (
              <span
                data-testid="unread-count"
                className="absolute -top-0.5 -right-0.5 min-w-[1.125rem] rounded-full bg-accent-600 px-1 text-center text-[0.6875rem] leading-[1.125rem] font-semibold text-white"
              >
                {unreadText}
              </span>
            ) : null}
          </Link>
          <div className="min-w-0 text-right leading-tight">
            {/* The name leads to the account page (docs/domain.md §11). */}
            <Link
              href="/account"
              className="block max-w-[9rem] truncate text-sm font-medium text-stone-900 hover:text-accent-700 hover:underline sm:max-w-[14rem]"
              title={user.name}
            >
              {user.name}
            </Link>
            <Badge tone={user.role === "USER" ? "neutral" : "accent"} className="mt-0.5">
              {roleLabels[user.role]}
            </Badge>
          </div>
          <SignOutButton />
        </div>
      </div>
      <nav aria-label="Main" className="overflow-x-auto border-t border-stone-100 px-2 py-1.5 md:hidden">
        <NavLinks items={items} />
      </nav>
    </header>
  );
}
