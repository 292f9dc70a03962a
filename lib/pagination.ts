// Page arithmetic shared by every paginated list: 1-based pages, at least one page.

/** A requested page as a positive integer (anything else is page 1). */
export function requestedPage(page: number | undefined): number {
  const whole = Math.trunc(page ?? 1);
  return Number.isFinite(whole) && whole > 0 ? whole : 1;
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The requested page, kept within the pages that exist. */
export function clampPage(page: number | undefined, pageCount: number): number {
  return Math.min(requestedPage(page), pageCount);
}
