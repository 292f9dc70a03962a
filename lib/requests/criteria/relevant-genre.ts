// Criterion 2, "Relevant genre": a main genre other than the label's most streamed one costs a point.
import { formatDay, toIsoDay } from "@/lib/clock";
import { findMainGenre, sameGenre } from "@/lib/releases/find-main-genre";
import { defineCriterion, type CriterionResult } from "@/lib/requests/criteria/criterion";
import { findRelevantGenre } from "@/lib/statistics/relevant-genre";

export function judgeRelevantGenre(mainGenre: string | null, relevantGenre: string | null, expectedDate: Date): CriterionResult {
  if (relevantGenre === null) {
    return {
      effect: 0,
      reason: `Does not apply: not enough statistics (no streams recorded in the 3 months before ${formatDay(expectedDate)}).`,
    };
  }
  if (mainGenre === null) {
    return { effect: -1, reason: `The release has no genre; the label's most streamed genre is "${relevantGenre}".` };
  }
  if (sameGenre(mainGenre, relevantGenre)) {
    return { effect: 0, reason: `The release's main genre "${mainGenre}" is the label's most streamed genre of the last 3 months.` };
  }
  return {
    effect: -1,
    reason: `The release's main genre "${mainGenre}" differs from the label's most streamed genre of the last 3 months, "${relevantGenre}".`,
  };
}

export const relevantGenre = defineCriterion<Map<string, string | null>>({
  key: "relevant-genre",
  name: "Relevant genre",
  /** The label's relevant genre for each distinct expected day (its window ends there). */
  async readFacts(tx, subjects) {
    const genres = new Map<string, string | null>();
    // One after the other: one transaction client runs one query at a time.
    for (const subject of subjects) {
      const day = toIsoDay(subject.expectedDate);
      if (!genres.has(day)) genres.set(day, await findRelevantGenre(tx, subject.expectedDate));
    }
    return genres;
  },
  judge: (subject, genres) =>
    judgeRelevantGenre(findMainGenre(subject.release.tracks), genres.get(toIsoDay(subject.expectedDate)) ?? null, subject.expectedDate),
});
