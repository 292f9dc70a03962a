// Evaluates every criterion of a list in its order and sums the grade.
import type { CriterionContext, GradeCriterion } from "@/lib/requests/criteria/criterion";
import { sumGrade, type GradeBreakdownEntry } from "@/lib/requests/publish/grade-breakdown";

export async function runCriteria(
  criteria: readonly GradeCriterion[],
  context: CriterionContext,
): Promise<{ grade: number; breakdown: GradeBreakdownEntry[] }> {
  const breakdown: GradeBreakdownEntry[] = [];
  // One after the other: they share one transaction client, which runs one query at a time.
  for (const criterion of criteria) {
    const result = await criterion.evaluate(context);
    breakdown.push({ key: criterion.key, name: criterion.name, effect: result.effect, reason: result.reason });
  }
  return { grade: sumGrade(breakdown), breakdown };
}
