// The stored shape of a publish request's grade breakdown (Request.gradeBreakdown JSON). Pure.
import { z } from "zod";

const gradeBreakdownEntrySchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  effect: z.union([z.literal(0), z.literal(-1)]),
  reason: z.string(),
});

const gradeBreakdownSchema = z.array(gradeBreakdownEntrySchema);

export type GradeBreakdownEntry = z.infer<typeof gradeBreakdownEntrySchema>;

/** The breakdown as stored, or null when absent or not in the expected shape. */
export function parseGradeBreakdown(value: unknown): GradeBreakdownEntry[] | null {
  const parsed = gradeBreakdownSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The grade is the sum of the effects: 0 is best, −(number of criteria) worst. */
export function sumGrade(entries: readonly Pick<GradeBreakdownEntry, "effect">[]): number {
  return entries.reduce((total, entry) => total + entry.effect, 0);
}
