// Criterion 3, "One release per day": another release of the label already scheduled that day costs a point.
import { formatDay, startOfUtcDay } from "@/lib/clock";
import { defineCriterion, type CriterionResult } from "@/lib/requests/criteria/criterion";

export function judgeOneReleasePerDay(otherReleasesThatDay: number, expectedDate: Date): CriterionResult {
  const day = formatDay(expectedDate);
  if (otherReleasesThatDay === 0) {
    return { effect: 0, reason: `No other release of the label is scheduled for ${day}.` };
  }
  const what = otherReleasesThatDay === 1 ? "Another release of the label is" : `${otherReleasesThatDay} other releases of the label are`;
  return { effect: -1, reason: `${what} already scheduled for ${day}.` };
}

export const oneReleasePerDay = defineCriterion({
  key: "one-release-per-day",
  name: "One release per day",
  async evaluate({ tx, release, expectedDate }) {
    const otherReleasesThatDay = await tx.publication.count({
      where: { scheduledDate: startOfUtcDay(expectedDate), releaseId: { not: release.id } },
    });
    return judgeOneReleasePerDay(otherReleasesThatDay, expectedDate);
  },
});
