// Criterion 1, "Season limit": more than 2 publications in the 3 months before the expected date costs a point.
import { addUtcDays, addUtcMonths, formatDay, startOfUtcDay } from "@/lib/clock";
import { defineCriterion, type CriterionResult, type GradingSubject } from "@/lib/requests/criteria/criterion";

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

/** A publication of the label, as the season limit sees it. */
export type DatedPublication = { releaseId: number; artistId: number; scheduledDate: Date };

/** The artist's publications dated in the window, the release being graded not counted. Pure. */
export function countSeasonPublications(publications: readonly DatedPublication[], subject: GradingSubject): number {
  const { from, toExclusive } = seasonWindow(subject.expectedDate);
  // Scheduled publications count as well as published ones: both are "dated" in the window.
  return publications.filter(
    (publication) =>
      publication.artistId === subject.artistId &&
      publication.releaseId !== subject.release.id &&
      publication.scheduledDate >= from &&
      publication.scheduledDate < toExclusive,
  ).length;
}

export const seasonLimit = defineCriterion<DatedPublication[]>({
  key: "season-limit",
  name: "Season limit",
  /** The publications of the subjects' artists dated in any of their windows. */
  async readFacts(tx, subjects) {
    const windows = subjects.map((subject) => seasonWindow(subject.expectedDate));
    const rows = await tx.publication.findMany({
      where: {
        release: { artistId: { in: [...new Set(subjects.map((subject) => subject.artistId))] } },
        scheduledDate: {
          gte: new Date(Math.min(...windows.map((window) => window.from.getTime()))),
          lt: new Date(Math.max(...windows.map((window) => window.toExclusive.getTime()))),
        },
      },
      select: { releaseId: true, scheduledDate: true, release: { select: { artistId: true } } },
    });
    return rows.map((row) => ({ releaseId: row.releaseId, artistId: row.release.artistId, scheduledDate: row.scheduledDate }));
  },
  judge: (subject, publications) => judgeSeasonLimit(countSeasonPublications(publications, subject), subject.expectedDate),
});
