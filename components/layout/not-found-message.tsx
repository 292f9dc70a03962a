// The body of every "not found" page: also what a role sees for a page it may not use.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export function NotFoundMessage() {
  return (
    <>
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-stone-900">Page not found</h1>
      <p className="mt-2 text-sm text-stone-600">The page you are looking for does not exist, or you do not have access to it.</p>
      <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
        Go to the home page
      </Link>
    </>
  );
}
