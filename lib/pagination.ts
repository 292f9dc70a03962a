// Page arithmetic shared by every paginated list: 1-based pages, at least one page. A page
// number that is not a page (missing, zero, too large, not a number) shows the first page
// (docs/domain.md §11). Pure but for `readPage`, which takes its queries as arguments.
import { z } from "zod";
import { firstParam } from "@/lib/search-params";

/** A requested page: a positive whole number, anything else the first page. */
export const pageSchema = z
  .union([z.number(), z.string().trim().regex(/^\d{1,9}$/).transform(Number)])
  .pipe(z.number().int().min(1))
  .catch(1);

/** The page asked for in a search parameter. */
export function parsePage(value: string | string[] | number | undefined): number {
  return pageSchema.parse(typeof value === "number" ? value : firstParam(value));
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The page to show: the requested one when it exists, else the first. */
export function pageWithin(page: number, pageCount: number): number {
  return Number.isInteger(page) && page >= 1 && page <= pageCount ? page : 1;
}

export type Page = { page: number; pageCount: number; total: number };

/** The rows of one page: how many to skip, how many to take. */
export type PageWindow = { skip: number; take: number };

export function pageWindow(page: number, pageSize: number): PageWindow {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

/**
 * A count that stopped past `limit` (it read at most `limit + 1` rows): the total shown is the
 * limit and `more` says there are more; the pages go as far as the limit.
 */
export function countUpTo(counted: number, limit: number): { total: number; more: boolean } {
  return counted > limit ? { total: limit, more: true } : { total: counted, more: false };
}

/** Counts first, so that a page beyond the last becomes the first, then reads that page's rows. */
export async function readPage<Row>(
  requested: number,
  pageSize: number,
  count: () => Promise<number>,
  read: (window: PageWindow) => Promise<Row[]>,
): Promise<Page & { rows: Row[] }> {
  const total = await count();
  const pageCount = pageCountOf(total, pageSize);
  const page = pageWithin(requested, pageCount);
  const rows = await read(pageWindow(page, pageSize));
  return { rows, page, pageCount, total };
}
