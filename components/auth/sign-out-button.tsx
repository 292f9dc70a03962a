// The header's "Sign out" button: a form posting to the sign-out action (works without JS).
import { buttonClasses } from "@/components/ui/button";
import { signOutAction } from "@/components/auth/sign-out-action";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClasses({ variant: "secondary", size: "sm", className })}>
        Sign out
      </button>
    </form>
  );
}
