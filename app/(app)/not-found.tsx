// "Not found" inside the signed-in shell (the header stays): also what a role sees for a
// page it may not use, or for another person's data, so nothing is revealed.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function AppNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-16 text-center">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-stone-900">Page not found</h1>
      <p className="mt-2 text-sm text-stone-600">
        The page you are looking for does not exist, or you do not have access to it.
      </p>
      <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
        Go to the home page
      </Link>
    </div>
  );
}
