// Criterion 1, "Season limit": more than 2 publications in the 3 months before the expected date costs a point.
import { addUtcDays, addUtcMonths, formatDay, startOfUtcDay } from "@/lib/clock";
import { defineCriterion, type CriterionResult } from "@/lib/requests/criteria/criterion";

const SEASON_LIMIT = 2;

/** The 3 months before the expected date: from that day 3 months earlier, up to the day before. */
export function seasonWindow(expectedDate: Date): { from: Date; toExclusive: Date } {
  return { from: addUtcMonths(expectedDate, -3), toExclusive: startOfUtcDay(expectedDate) };
}

export function judgeSeasonLimit(publications: number, expectedDate: Date): CriterionResult {
  const { from, toExclusive } = seasonWindow(expectedDate);
  const span = `between ${formatDay(from)} and ${formatDay(addUtcDays(toExclusive, -1))}`;
  const counted = `${publications} ${publications === 1 ? "publication" : "publications"}`;
  if (publications > SEASON_LIMIT) {
    return { effect: -1, reason: `The artist already has ${counted} ${span}, more than ${SEASON_LIMIT} in 3 months.` };
  }
  return { effect: 0, reason: `The artist has ${counted} ${span}, within the limit of ${SEASON_LIMIT} in 3 months.` };
}

export const seasonLimit = defineCriterion({
  key: "season-limit",
  name: "Season limit",
  async evaluate({ tx, release, artistId, expectedDate }) {
    const { from, toExclusive } = seasonWindow(expectedDate);
    // Scheduled publications count as well as published ones: both are "dated" in the window.
    const publications = await tx.publication.count({
      where: {
        release: { artistId },
        releaseId: { not: release.id },
        scheduledDate: { gte: from, lt: toExclusive },
      },
    });
    return judgeSeasonLimit(publications, expectedDate);
  },
});
