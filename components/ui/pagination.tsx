// Previous / next links for a paginated list; keeps the page's other query parameters.
import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** The list's path, e.g. "/admin/users". */
  basePath: string;
  /** Other query parameters to keep (filters); `page` is set by the component. */
  searchParams?: Record<string, string | undefined>;
  /** Total item count, shown as "42 users" when itemLabel is given. */
  total?: number;
  /** The count stopped at `total` (lib/pagination.ts `countUpTo`): "more than 100,000 requests". */
  more?: boolean;
  itemLabel?: string;
};

export function pageHref(basePath: string, page: number, searchParams: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key !== "page" && value !== undefined && value !== "") query.set(key, value);
  }
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

const linkClasses =
  "inline-flex h-9 items-center rounded-md border border-stone-300 bg-white px-3 text-sm font-medium text-stone-700 shadow-sm " +
  "hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600";
const disabledClasses = "inline-flex h-9 items-center rounded-md border border-stone-200 px-3 text-sm text-stone-400";

export function Pagination({ page, pageCount, basePath, searchParams, total, itemLabel, more = false }: PaginationProps) {
  if (pageCount <= 1 && total === undefined) return null;
  const hasPrevious = page > 1;
  const hasNext = page < pageCount;
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-stone-600">
        Page {Math.min(page, Math.max(pageCount, 1))} of {more ? "more than " : ""}
        {Math.max(pageCount, 1).toLocaleString("en-GB")}
        {total !== undefined && itemLabel ? ` · ${more ? "more than " : ""}${total.toLocaleString("en-GB")} ${itemLabel}` : null}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {hasPrevious ? (
            <Link className={linkClasses} href={pageHref(basePath, page - 1, searchParams)} rel="prev">
              Previous
            </Link>
          ) : (
            <span className={cn(disabledClasses)} aria-disabled="true">
              Previous
            </span>
          )}
          {hasNext ? (
            <Link className={linkClasses} href={pageHref(basePath, page + 1, searchParams)} rel="next">
              Next
            </Link>
          ) : (
            <span className={disabledClasses} aria-disabled="true">
              Next
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
