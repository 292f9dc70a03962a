// Ids arriving from outside (route segments, form fields, bound action arguments, query strings).
// Anything that is not a positive PostgreSQL integer is no id at all, so callers answer
// "not found" instead of letting a bad value reach the database (docs/domain.md §11).
import { z } from "zod";

/** The largest value of a PostgreSQL `integer` column (every id in the schema). */
export const MAX_ID = 2_147_483_647;

/** A record id: a number, or its decimal digits without sign, spaces or exponent. */
export const idSchema = z
  .union([z.number(), z.string().regex(/^[1-9]\d{0,9}$/).transform(Number)])
  .pipe(z.number().int().min(1).max(MAX_ID));

/** A form field holding an id (a `<select>` of records); `message` when it is empty or not an id. */
export function idField(message: string) {
  return z
    .string()
    .trim()
    .min(1, { error: message, abort: true })
    .regex(/^[1-9]\d{0,9}$/, { error: message, abort: true })
    .transform(Number)
    .pipe(z.number().max(MAX_ID, message));
}

/** The id in `value`, or null when there is none (answer "not found"). */
export function parseId(value: unknown): number | null {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
