// Evaluates every criterion of a list in its order for each request and sums its grade.
import type { DbClient } from "@/lib/db";
import type { GradeCriterion, GradingSubject } from "@/lib/requests/criteria/criterion";
import { sumGrade, type GradeBreakdownEntry } from "@/lib/requests/publish/grade-breakdown";

export type Grading = { grade: number; breakdown: GradeBreakdownEntry[] };

/** One grading per subject, in their order; each criterion reads its facts once for all of them. */
export async function runCriteria(criteria: readonly GradeCriterion[], tx: DbClient, subjects: readonly GradingSubject[]): Promise<Grading[]> {
  const breakdowns: GradeBreakdownEntry[][] = subjects.map(() => []);
  // One after the other: they share one transaction client, which runs one query at a time.
  for (const criterion of criteria) {
    const results = await criterion.evaluate(tx, subjects);
    results.forEach((result, index) => {
      breakdowns[index]!.push({ key: criterion.key, name: criterion.name, effect: result.effect, reason: result.reason });
    });
  }
  return breakdowns.map((breakdown) => ({ grade: sumGrade(breakdown), breakdown }));
}
