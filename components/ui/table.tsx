// Data tables and their cells. <Table caption="…"> names the table.
//
// Below the sm breakpoint a table is shown as stacked rows (decision 015): each row a block,
// each cell on its own line beside its column's name — give every data cell its column's name as
// `label` (the cells of a checkbox or button column need none). The header row is then hidden
// from sight but kept for screen readers, which still read the table as a table; the per-cell
// names are for the eyes only and are not part of the cell's text. From sm up it is an ordinary
// table that scrolls inside its frame when it is wider than the page allows, never the page; the
// frame is a named region that takes the keyboard's focus, so it can be scrolled without a mouse
// even when nothing inside it can be focused (WCAG 2.1.1).
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** `caption`: the table's name, read with it and given to its scrolling frame. */
export function Table({ caption, className, children }: { caption: string; className?: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn("relative rounded-lg border border-stone-200 bg-white shadow-sm sm:overflow-x-auto", className)}
    >
      <table className="min-w-full divide-y divide-stone-200 text-sm max-sm:block">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return <thead className="bg-stone-50 max-sm:sr-only">{children}</thead>;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-stone-100 max-sm:block">{children}</tbody>;
}

// The rows' and cells' own look is in app/globals.css (.tbl-row, .tbl-cell): a list repeats
// it on every cell, so it is one short class each (decision 022).
export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("tbl-row", className)} {...props} />;
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

export type TableCellProps = ComponentProps<"td"> & {
  /** The column's name, shown beside the value when rows are stacked on a narrow screen. */
  label?: string;
};

export function TableCell({ className, label, children, ...props }: TableCellProps) {
  return (
    <td data-label={label} className={cn("tbl-cell", className)} {...props}>
      {children}
    </td>
  );
}
