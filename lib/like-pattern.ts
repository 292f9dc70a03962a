// Text typed into a search box, made literal for Prisma's `contains`/`startsWith`/`endsWith`. Pure.
import { withoutUnstorableCharacters } from "@/lib/storable-text";

/**
 * Prisma sends `contains` to PostgreSQL as `LIKE '%' || $1 || '%'` (or ILIKE) without escaping,
 * so a `%` or `_` typed by a person would be a wildcard (docs/domain.md §11 "Exact names").
 * PostgreSQL's default LIKE escape character is the backslash: escape it and both wildcards.
 * A NUL character or a lone surrogate (a crafted query string) is dropped: PostgreSQL refuses a
 * NUL outright, and stored text holds neither (lib/storable-text.ts), so neither could match.
 */
export function literalLikeText(text: string): string {
  return withoutUnstorableCharacters(text).replace(/[\\%_]/g, (character) => `\\${character}`);
}
