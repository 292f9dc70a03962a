// The manager's statistics report: every release of every one of their artists, per track the
// latest figures, those three months earlier and the growth, plus the label's relevant genre.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { ownManagerId } from "@/lib/auth/own-records";
import { addUtcMonths, startOfUtcDay, systemClock, type Clock } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { findTrackFigures } from "@/lib/statistics/find-track-figures";
import { findRelevantGenre } from "@/lib/statistics/relevant-genre";
import { computeGrowth, type Figures, type Growth } from "@/lib/statistics/statistics-growth";

export const REPORT_MONTHS = 3;

type ReportTrack = {
  id: number;
  position: number;
  title: string;
  genre: string;
  latest: Figures | null;
  /** The snapshot the growth is measured from: three months earlier (or the first since). */
  earlier: Figures | null;
  growth: Growth | null;
};

type ReportRelease = { id: number; title: string; status: ReleaseStatus; releaseDate: Date; tracks: ReportTrack[] };

export type ReportArtist = { id: number; nickname: string; active: boolean; releases: ReportRelease[] };

export type ManagerReport = {
  today: Date;
  /** "Three months earlier": the day the growth is measured from. */
  since: Date;
  relevantGenre: string | null;
  artists: ReportArtist[];
};

export async function getManagerReport(
  user: Pick<SessionUser, "role" | "managerId">,
  options: { clock?: Clock; db?: Db } = {},
): Promise<ManagerReport> {
  const managerId = ownManagerId(user);
  const db = options.db ?? prisma;
  const today = startOfUtcDay((options.clock ?? systemClock).now());
  const since = addUtcMonths(today, -REPORT_MONTHS);

  const artists = await db.artist.findMany({
    where: { managerId },
    orderBy: [{ nickname: "asc" }, { id: "asc" }],
    select: {
      id: true,
      nickname: true,
      active: true,
      releases: {
        orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
        select: {
          id: true,
          title: true,
          status: true,
          releaseDate: true,
          tracks: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, genre: true } },
        },
      },
    },
  });
  const trackIds = artists.flatMap((artist) => artist.releases.flatMap((release) => release.tracks.map((track) => track.id)));
  const [figures, relevantGenre] = await Promise.all([
    findTrackFigures(db, trackIds, { start: since, end: today }),
    findRelevantGenre(db, today),
  ]);

  return {
    today,
    since,
    relevantGenre,
    artists: artists.map((artist) => ({
      ...artist,
      releases: artist.releases.map((release) => ({
        ...release,
        tracks: release.tracks.map((track) => {
          const trackFigures = figures.get(track.id);
          const latest = trackFigures?.latest ?? null;
          const earlier = trackFigures?.baseline ?? null;
          return { ...track, latest, earlier, growth: computeGrowth(latest, earlier) };
        }),
      })),
    })),
  };
}
