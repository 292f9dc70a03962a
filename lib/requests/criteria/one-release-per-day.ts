// Criterion 3, "One release per day": another release of the label already scheduled that day costs a point.
import { formatDay, startOfUtcDay } from "@/lib/clock";
import { defineCriterion, type CriterionResult, type GradingSubject } from "@/lib/requests/criteria/criterion";

export function judgeOneReleasePerDay(otherReleasesThatDay: number, expectedDate: Date): CriterionResult {
  const day = formatDay(expectedDate);
  if (otherReleasesThatDay === 0) {
    return { effect: 0, reason: `No other release of the label is scheduled for ${day}.` };
  }
  const what = otherReleasesThatDay === 1 ? "Another release of the label is" : `${otherReleasesThatDay} other releases of the label are`;
  return { effect: -1, reason: `${what} already scheduled for ${day}.` };
}

/** A publication of the label, as this criterion sees it. */
export type ScheduledPublication = { releaseId: number; scheduledDate: Date };

/** Other releases scheduled for the expected day, the release being graded not counted. Pure. */
export function countOtherReleasesThatDay(publications: readonly ScheduledPublication[], subject: GradingSubject): number {
  const day = startOfUtcDay(subject.expectedDate).getTime();
  return publications.filter((publication) => publication.scheduledDate.getTime() === day && publication.releaseId !== subject.release.id).length;
}

export const oneReleasePerDay = defineCriterion<ScheduledPublication[]>({
  key: "one-release-per-day",
  name: "One release per day",
  /** The publications scheduled for any of the subjects' expected days. */
  async readFacts(tx, subjects) {
    const days = [...new Set(subjects.map((subject) => startOfUtcDay(subject.expectedDate).getTime()))];
    return tx.publication.findMany({
      where: { scheduledDate: { in: days.map((day) => new Date(day)) } },
      select: { releaseId: true, scheduledDate: true },
    });
  },
  judge: (subject, publications) => judgeOneReleasePerDay(countOtherReleasesThatDay(publications, subject), subject.expectedDate),
});
