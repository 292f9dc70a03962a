// The public pages' frame: the label's name, and sign-in/register links (or a way back in).
import type { ReactNode } from "react";
import { PublicHeader } from "@/components/layout/public-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { currentUser } from "@/lib/auth/guards";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader user={user ? { name: user.name, role: user.role } : null} />
      <div className="flex-1">{children}</div>
      <SiteFooter />
    </div>
  );
}
