// The public pages' header: guests get "Sign in" and "Register"; signed-in people a way back in.
import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { buttonClasses } from "@/components/ui/button";
import { roleHome } from "@/lib/auth/role-home";
import type { Role } from "@/lib/generated/prisma/enums";

export function PublicHeader({ user }: { user: { name: string; role: Role } | null }) {
  return (
    <header className="border-b border-stone-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          {user ? (
            <Link href={roleHome(user.role)} className={buttonClasses({ variant: "primary", size: "sm" })}>
              Open the back office
            </Link>
          ) : (
            <>
              <Link href="/login" className={buttonClasses({ variant: "ghost", size: "sm" })}>
                Sign in
              </Link>
              <Link href="/register" className={buttonClasses({ variant: "primary", size: "sm" })}>
                Register
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
