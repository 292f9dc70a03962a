// The label's wordmark: a vinyl record and the name.
import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 font-semibold tracking-tight text-stone-900">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7 shrink-0">
        <circle cx="16" cy="16" r="15" className="fill-stone-900" />
        <circle cx="16" cy="16" r="11" className="fill-none stroke-stone-700" strokeWidth="0.75" />
        <circle cx="16" cy="16" r="8" className="fill-none stroke-stone-700" strokeWidth="0.75" />
        <circle cx="16" cy="16" r="5" className="fill-accent-600" />
        <circle cx="16" cy="16" r="1.25" className="fill-stone-50" />
      </svg>
      <span>Cook Droogers</span>
    </Link>
  );
}
