// Text typed into a search box, made literal for Prisma's `contains`/`startsWith`/`endsWith`. Pure.

/**
 * Prisma sends `contains` to PostgreSQL as `LIKE '%' || $1 || '%'` (or ILIKE) without escaping,
 * so a `%` or `_` typed by a person would be a wildcard (docs/domain.md §11 "Exact names").
 * PostgreSQL's default LIKE escape character is the backslash: escape it and both wildcards.
 */
export function literalLikeText(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
