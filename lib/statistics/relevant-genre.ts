// The label's relevant genre (docs/domain.md §3.3 criterion 2), read from the snapshots in one query.
import "server-only";
import { toIsoDay } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { computeRelevantGenre, relevantGenreWindow, type GenreSnapshot } from "@/lib/statistics/compute-relevant-genre";

/**
 * The label's genre with the most streams gained in the 3 months before `windowEnd`;
 * null when no snapshot falls in the window. Only the (at most three) snapshots per track
 * that the arithmetic needs are read: the latest and the first inside the window and the
 * last one at or before its start.
 */
export async function findRelevantGenre(db: DbClient, windowEnd: Date): Promise<string | null> {
  const window = relevantGenreWindow(windowEnd);
  const start = toIsoDay(window.start);
  const end = toIsoDay(window.end);
  const rows = await db.$queryRaw<{ trackId: number; genre: string; day: Date; streams: number }[]>`
    WITH latest AS (
      SELECT DISTINCT ON ("trackId") "trackId", "day", "streams"
      FROM "TrackStatistic"
      WHERE "day" BETWEEN ${start}::date AND ${end}::date
      ORDER BY "trackId", "day" DESC
    ),
    first_in_window AS (
      SELECT DISTINCT ON ("trackId") "trackId", "day", "streams"
      FROM "TrackStatistic"
      WHERE "day" BETWEEN ${start}::date AND ${end}::date
      ORDER BY "trackId", "day" ASC
    ),
    baseline AS (
      SELECT DISTINCT ON (s."trackId") s."trackId", s."day", s."streams"
      FROM "TrackStatistic" s
      JOIN latest l ON l."trackId" = s."trackId"
      WHERE s."day" <= ${start}::date
      ORDER BY s."trackId", s."day" DESC
    ),
    needed AS (
      SELECT * FROM latest UNION SELECT * FROM first_in_window UNION SELECT * FROM baseline
    )
    SELECT n."trackId", t."genre", n."day", n."streams"
    FROM needed n
    JOIN "Track" t ON t."id" = n."trackId"
  `;
  const snapshots: GenreSnapshot[] = rows.map((row) => ({
    trackId: Number(row.trackId),
    genre: row.genre,
    day: new Date(row.day),
    streams: Number(row.streams),
  }));
  return computeRelevantGenre(snapshots, window);
}
