// Latest and baseline snapshots of many tracks in one query (artist page, manager report).
import "server-only";
import { parseIsoDay, toIsoDay } from "@/lib/clock";
import type { Db, DbClient } from "@/lib/db";
import type { Figures } from "@/lib/statistics/statistics-growth";

export type TrackFigures = {
  /** The newest snapshot up to the window's end. */
  latest: Figures | null;
  /** The last snapshot at or before the window's start, else the first one inside it. */
  baseline: Figures | null;
};

type FiguresRow = {
  trackId: number;
  latestDay: string | null;
  latestStreams: number | null;
  latestLikes: number | null;
  baseDay: string | null;
  baseStreams: number | null;
  baseLikes: number | null;
};

function toFigures(day: string | null, streams: number | null, likes: number | null): Figures | null {
  const parsed = day ? parseIsoDay(day) : null;
  return parsed && streams !== null && likes !== null ? { day: parsed, streams: Number(streams), likes: Number(likes) } : null;
}

export async function findTrackFigures(
  db: Db | DbClient,
  trackIds: readonly number[],
  window: { start: Date; end: Date },
): Promise<Map<number, TrackFigures>> {
  const figures = new Map<number, TrackFigures>();
  if (trackIds.length === 0) return figures;
  const start = toIsoDay(window.start);
  const end = toIsoDay(window.end);
  const rows = await db.$queryRaw<FiguresRow[]>`
    SELECT t."id" AS "trackId",
           to_char(l."day", 'YYYY-MM-DD') AS "latestDay", l."streams" AS "latestStreams", l."likes" AS "latestLikes",
           to_char(COALESCE(b."day", f."day"), 'YYYY-MM-DD') AS "baseDay",
           COALESCE(b."streams", f."streams") AS "baseStreams", COALESCE(b."likes", f."likes") AS "baseLikes"
    FROM unnest(${[...trackIds]}::int[]) AS t("id")
    LEFT JOIN LATERAL (
      SELECT "day", "streams", "likes" FROM "TrackStatistic" s
      WHERE s."trackId" = t."id" AND s."day" <= ${end}::date ORDER BY s."day" DESC LIMIT 1
    ) l ON true
    LEFT JOIN LATERAL (
      SELECT "day", "streams", "likes" FROM "TrackStatistic" s
      WHERE s."trackId" = t."id" AND s."day" <= ${start}::date ORDER BY s."day" DESC LIMIT 1
    ) b ON true
    LEFT JOIN LATERAL (
      SELECT "day", "streams", "likes" FROM "TrackStatistic" s
      WHERE s."trackId" = t."id" AND s."day" > ${start}::date AND s."day" <= ${end}::date ORDER BY s."day" ASC LIMIT 1
    ) f ON true`;
  for (const row of rows) {
    figures.set(Number(row.trackId), {
      latest: toFigures(row.latestDay, row.latestStreams, row.latestLikes),
      baseline: toFigures(row.baseDay, row.baseStreams, row.baseLikes),
    });
  }
  return figures;
}
