// Data tables: a scrolling wrapper (so narrow screens scroll the table, not the page)
// and styled cells. Use <Table caption="…"> for an accessible name.
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function Table({ caption, className, children }: { caption?: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("relative overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm", className)}>
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return <thead className="bg-stone-50">{children}</thead>;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-stone-100">{children}</tbody>;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("hover:bg-stone-50/60", className)} {...props} />;
}

export function TableHeaderCell({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-stone-600 uppercase", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-stone-800", className)} {...props} />;
}
