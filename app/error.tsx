"use client";
// The last-resort error page: a generic message (details stay in the server log) and a retry.
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-stone-600">
        We could not show this page. Please try again; if it keeps happening, let the label know.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-stone-500">Reference: {error.digest}</p> : null}
      <div className="mt-6 flex gap-3">
        <Button variant="primary" onClick={() => reset()}>
          Try again
        </Button>
        <Link href="/" className={buttonClasses({ variant: "secondary" })}>
          Home
        </Link>
      </div>
    </main>
  );
}
