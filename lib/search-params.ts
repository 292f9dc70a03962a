// Reading a page's search parameters, which may repeat (`?page=2&page=3`).

/** The first value of a search parameter. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
