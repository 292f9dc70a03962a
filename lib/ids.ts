// Ids and page numbers arriving from outside (route segments, form fields, query strings).
// Anything that is not a positive PostgreSQL integer is no id at all, so callers answer
// "not found" instead of letting a bad value reach the database (docs/domain.md §11).
import { z } from "zod";

/** The largest value of a PostgreSQL `integer` column (every id in the schema). */
export const MAX_ID = 2_147_483_647;

/** A record id: a number, or its decimal digits without sign, spaces or exponent. */
export const idSchema = z
  .union([z.number(), z.string().regex(/^[1-9]\d{0,9}$/).transform(Number)])
  .pipe(z.number().int().min(1).max(MAX_ID));

/** The id in `value`, or null when there is none (answer "not found"). */
export function parseId(value: unknown): number | null {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A 1-based page number; anything else (missing, zero, huge, not a number) is the first page. */
export const pageSchema = z
  .union([z.number(), z.string().trim().regex(/^\d{1,9}$/).transform(Number)])
  .pipe(z.number().int().min(1).max(1_000_000))
  .catch(1);

/** One value of a search parameter (`?page=2&page=3` reads the first). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parsePage(value: string | string[] | number | undefined): number {
  return pageSchema.parse(typeof value === "number" ? value : firstParam(value));
}
