// The authenticated shell: every page under it has a signed-in person (others go to /login).
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { SkipLink } from "@/components/layout/skip-link";
import { LiveUpdates } from "@/components/live/live-updates";
import { requireUserWithUnreadCount } from "@/lib/auth/guards";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // The session and the unread count are one statement (decision 021).
  const { user, unreadNotifications: unreadCount } = await requireUserWithUnreadCount();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <AppHeader user={{ name: user.name, role: user.role }} unreadCount={unreadCount} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
      <SiteFooter />
      {/* Re-renders the page when a change concerns it (docs/domain.md §9 "Live pages"). */}
      <LiveUpdates />
    </div>
  );
}
