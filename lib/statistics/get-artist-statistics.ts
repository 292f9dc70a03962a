// The artist's statistics page: per release and track the latest figures, the 30-day change,
// and the streams-over-time series of the chart. Always scoped to the signed-in artist.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { ownArtistId } from "@/lib/auth/own-records";
import { addUtcDays, startOfUtcDay, systemClock, toIsoDay, type Clock } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { buildStreamsSeries, type StreamsSeries } from "@/lib/statistics/build-streams-series";
import { findTrackFigures } from "@/lib/statistics/find-track-figures";
import { isFollowedRelease } from "@/lib/statistics/followed-releases";
import { computeGrowth, sumFigures, type Figures, type Growth } from "@/lib/statistics/statistics-growth";

export const CHANGE_WINDOW_DAYS = 30;
export const CHART_RANGES = { "30d": 30, "90d": 90, "1y": 365 } as const;
export type ChartRange = keyof typeof CHART_RANGES;

type ArtistTrackStatistics = {
  id: number;
  position: number;
  title: string;
  genre: string;
  latest: Figures | null;
  change: Growth | null;
};

type ArtistReleaseStatistics = {
  id: number;
  title: string;
  status: ReleaseStatus;
  liveOn: Date;
  tracks: ArtistTrackStatistics[];
  totals: { streams: number; likes: number; change: { streams: number; likes: number } } | null;
};

export type ArtistStatistics = {
  today: Date;
  releases: ArtistReleaseStatistics[];
  /** Releases not followed yet (unpublished): statistics start once they are scheduled. */
  unpublishedCount: number;
  chart: StreamsSeries;
  /** When the newest snapshot of any of the artist's tracks was fetched. */
  lastFetchedAt: Date | null;
};

export async function getArtistStatistics(
  user: Pick<SessionUser, "role" | "artistId">,
  options: { clock?: Clock; range?: ChartRange; db?: Db } = {},
): Promise<ArtistStatistics> {
  const artistId = ownArtistId(user);
  const db = options.db ?? prisma;
  const today = startOfUtcDay((options.clock ?? systemClock).now());

  const releases = await db.release.findMany({
    where: { artistId },
    orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      releaseDate: true,
      publication: { select: { scheduledDate: true } },
      tracks: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, genre: true } },
    },
  });
  const followed = releases.filter((release) => isFollowedRelease(release.status));
  const trackIds = followed.flatMap((release) => release.tracks.map((track) => track.id));
  const figures = await findTrackFigures(db, trackIds, { start: addUtcDays(today, -CHANGE_WINDOW_DAYS), end: today });

  const releaseStatistics = followed.map((release): ArtistReleaseStatistics => {
    const tracks = release.tracks.map((track) => {
      const trackFigures = figures.get(track.id);
      const latest = trackFigures?.latest ?? null;
      return { ...track, latest, change: computeGrowth(latest, trackFigures?.baseline ?? null) };
    });
    const total = sumFigures(tracks.map((track) => track.latest));
    return {
      id: release.id,
      title: release.title,
      status: release.status,
      liveOn: release.publication?.scheduledDate ?? release.releaseDate,
      tracks,
      totals: total && {
        ...total,
        change: {
          streams: tracks.reduce((sum, track) => sum + (track.change?.streams ?? 0), 0),
          likes: tracks.reduce((sum, track) => sum + (track.change?.likes ?? 0), 0),
        },
      },
    };
  });

  const chartDays = CHART_RANGES[options.range ?? "90d"];
  const from = addUtcDays(today, -(chartDays - 1));
  const snapshots = trackIds.length
    ? await db.$queryRaw<{ trackId: number; day: string; streams: number }[]>`
        SELECT s."trackId", to_char(s."day", 'YYYY-MM-DD') AS "day", s."streams"
        FROM "TrackStatistic" s
        WHERE s."trackId" = ANY(${trackIds}::int[]) AND s."day" BETWEEN ${toIsoDay(from)}::date AND ${toIsoDay(today)}::date
        UNION ALL
        (SELECT DISTINCT ON (s."trackId") s."trackId", to_char(s."day", 'YYYY-MM-DD'), s."streams"
         FROM "TrackStatistic" s
         WHERE s."trackId" = ANY(${trackIds}::int[]) AND s."day" < ${toIsoDay(from)}::date
         ORDER BY s."trackId", s."day" DESC)`
    : [];
  const chart = buildStreamsSeries(
    snapshots.map((row) => ({ trackId: Number(row.trackId), day: row.day, streams: Number(row.streams) })),
    followed.map((release) => ({ key: String(release.id), label: release.title, trackIds: release.tracks.map((track) => track.id) })),
    from,
    today,
  );

  const lastFetched = trackIds.length
    ? await db.trackStatistic.aggregate({ where: { trackId: { in: trackIds } }, _max: { fetchedAt: true } })
    : null;

  return {
    today,
    releases: releaseStatistics,
    unpublishedCount: releases.length - followed.length,
    chart,
    lastFetchedAt: lastFetched?._max.fetchedAt ?? null,
  };
}
