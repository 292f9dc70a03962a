// The public pages' frame: the label's name, and sign-in/register links (or a way back in).
// Each page brings its own <main id="main">, the skip link's target.
import type { ReactNode } from "react";
import { PublicHeader } from "@/components/layout/public-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { SkipLink } from "@/components/layout/skip-link";
import { currentUser } from "@/lib/auth/guards";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <PublicHeader user={user ? { name: user.name, role: user.role } : null} />
      <div className="flex-1">{children}</div>
      <SiteFooter />
    </div>
  );
}
