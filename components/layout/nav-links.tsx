"use client";
// The role's navigation links, with the current page marked (aria-current).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { activeNavHref, type NavItem } from "@/components/layout/navigation";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const active = activeNavHref(items, pathname);
  return (
    <ul className="flex gap-1">
      {items.map((item) => {
        const current = item.href === active;
        return (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium transition-colors",
                current ? "bg-accent-50 text-accent-800" : "text-stone-600 hover:bg-stone-100 hover:text-stone-900",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
