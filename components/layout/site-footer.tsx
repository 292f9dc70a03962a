// The footer under every page.
import { systemClock } from "@/lib/clock";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-stone-500 sm:px-6">
        <p>© {systemClock.now().getUTCFullYear()} Cook Droogers. An independent record label.</p>
        <p>Dates are shown in UTC, the label&apos;s calendar.</p>
      </div>
    </footer>
  );
}
