// Runs a statistics refresh: fetch the day's snapshots (and missing recent days) for the tracks
// of scheduled and published releases, match them by track id, store one snapshot per track
// per day. Fetching (slow HTTP) and storing (one transaction) are separate steps so the worker
// can keep the transaction short.
import "server-only";
import { addUtcDays, addUtcMonths, systemClock, toIsoDay, type Clock } from "@/lib/clock";
import type { Db, DbClient } from "@/lib/db";
import {
  fetchDailyStatistics,
  type StatisticsClientOptions,
  type StatisticsTrackQuery,
} from "@/lib/statistics/fetch-statistics-client";
import { followedReleaseStatuses } from "@/lib/statistics/followed-releases";
import { matchStatisticsAnswer } from "@/lib/statistics/match-statistics-answer";

export type RefreshTuning = {
  /** Tracks per request to the service. */
  batchSize?: number;
  /** How far back missing days are filled in (default: the 3 months the report compares). */
  backfillMonths?: number;
  /** Caps the requests of one run; the rest of a backfill happens on the next runs. */
  maxRequests?: number;
  /** Requests in flight at once. */
  concurrency?: number;
};

type CollectedSnapshot = { trackId: number; day: string; streams: number; likes: number };

export type CollectedStatistics = {
  day: string;
  tracksAsked: number;
  snapshots: CollectedSnapshot[];
  missingTrackIds: number[];
  unknownTrackIds: string[];
  invalidEntries: number;
};

type RefreshRow = { id: number; day: Date; status: string };

export async function findRunningStatisticsRefresh(db: Db | DbClient, refreshId: number): Promise<RefreshRow | null> {
  return db.statisticsRefresh.findFirst({ where: { id: refreshId, status: "RUNNING" }, select: { id: true, day: true, status: true } });
}

/** The tracks whose statistics the label follows. */
async function findTrackedTracks(db: Db | DbClient): Promise<StatisticsTrackQuery[]> {
  const tracks = await db.track.findMany({
    where: { release: { status: { in: [...followedReleaseStatuses] } } },
    select: {
      id: true,
      title: true,
      genre: true,
      release: { select: { releaseDate: true, artist: { select: { nickname: true } }, publication: { select: { scheduledDate: true } } } },
    },
    orderBy: { id: "asc" },
  });
  return tracks.map((track) => ({
    trackId: track.id,
    artistNickname: track.release.artist.nickname,
    title: track.title,
    genre: track.genre,
    releaseDate: toIsoDay(track.release.publication?.scheduledDate ?? track.release.releaseDate),
  }));
}

/**
 * Past days (newest first) on which some tracked track has no snapshot yet, from its
 * release date on: a new track or a worker that was down gets its history filled in.
 */
async function findMissingDays(db: Db | DbClient, tracks: StatisticsTrackQuery[], day: Date, backfillMonths: number) {
  if (tracks.length === 0 || backfillMonths <= 0) return [];
  const from = toIsoDay(addUtcMonths(day, -backfillMonths));
  const to = toIsoDay(addUtcDays(day, -1));
  const ids = tracks.map((track) => track.trackId);
  const launches = tracks.map((track) => track.releaseDate ?? from);
  const rows = await db.$queryRaw<{ day: string; trackIds: number[] }[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS "day", array_agg(t."trackId" ORDER BY t."trackId") AS "trackIds"
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d(day)
    CROSS JOIN unnest(${ids}::int[], ${launches}::date[]) AS t("trackId", "launch")
    LEFT JOIN "TrackStatistic" s ON s."trackId" = t."trackId" AND s."day" = d.day::date
    WHERE s."trackId" IS NULL AND d.day::date >= t."launch"
    GROUP BY d.day
    ORDER BY d.day DESC`;
  return rows.map((row) => ({ day: row.day, trackIds: row.trackIds.map(Number) }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/** Runs `work` over `items` with at most `limit` at once; the first failure rejects. */
async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Fetches everything a refresh stores; throws StatisticsServiceError when the service
 * fails or is too slow (the caller retries the whole run with backoff). A partial answer
 * is not a failure: what was answered is kept and the rest reported.
 */
export async function collectStatistics(
  db: Db | DbClient,
  refresh: { day: Date },
  client: StatisticsClientOptions,
  tuning: RefreshTuning = {},
): Promise<CollectedStatistics> {
  const batchSize = tuning.batchSize ?? 100;
  const day = toIsoDay(refresh.day);
  const tracks = await findTrackedTracks(db);
  const byId = new Map(tracks.map((track) => [track.trackId, track]));
  const missingDays = await findMissingDays(db, tracks, refresh.day, tuning.backfillMonths ?? 3);

  // Today's batches first, then the newest missing days, within the request budget.
  const requests: { day: string; tracks: StatisticsTrackQuery[] }[] = chunk(tracks, batchSize).map((batch) => ({ day, tracks: batch }));
  for (const missing of missingDays) {
    const missingTracks = missing.trackIds.map((id) => byId.get(id)).filter((track) => track !== undefined);
    for (const batch of chunk(missingTracks, batchSize)) requests.push({ day: missing.day, tracks: batch });
  }
  const budgeted = requests.slice(0, Math.max(chunk(tracks, batchSize).length, tuning.maxRequests ?? 400));

  const snapshots: CollectedSnapshot[] = [];
  const missingTrackIds = new Set<number>();
  const unknownTrackIds = new Set<string>();
  let invalidEntries = 0;
  await runLimited(budgeted, tuning.concurrency ?? 4, async (request) => {
    const answer = await fetchDailyStatistics(client, request.day, request.tracks);
    const match = matchStatisticsAnswer(
      request.tracks.map((track) => track.trackId),
      answer.results,
    );
    for (const counts of match.matched) snapshots.push({ ...counts, day: request.day });
    match.missingTrackIds.forEach((id) => missingTrackIds.add(id));
    match.unknownTrackIds.forEach((id) => unknownTrackIds.add(id));
    invalidEntries += match.invalidEntries;
  });

  return {
    day,
    tracksAsked: tracks.length,
    snapshots,
    missingTrackIds: [...missingTrackIds].sort((a, b) => a - b),
    unknownTrackIds: [...unknownTrackIds].sort(),
    invalidEntries,
  };
}

function describeProblems(collected: CollectedStatistics): string | null {
  const problems: string[] = [];
  const count = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;
  const { missingTrackIds, unknownTrackIds, invalidEntries } = collected;
  if (missingTrackIds.length) problems.push(`${count(missingTrackIds.length, "track", "tracks")} missing from the answer`);
  if (unknownTrackIds.length) problems.push(`${count(unknownTrackIds.length, "unknown track", "unknown tracks")} in the answer (ignored)`);
  if (invalidEntries) problems.push(`${count(invalidEntries, "unreadable entry", "unreadable entries")} in the answer`);
  return problems.length ? problems.join("; ") : null;
}

const WRITE_CHUNK = 5_000;

/**
 * Stores what `collectStatistics` fetched and closes the refresh, inside the caller's
 * transaction. Re-fetching a day replaces its snapshot (the primary key is track + day).
 * A track deleted meanwhile is skipped rather than failing the run. Does nothing when the
 * refresh is no longer running.
 */
export async function storeCollectedStatistics(
  tx: DbClient,
  refreshId: number,
  collected: CollectedStatistics,
  clock: Clock = systemClock,
): Promise<boolean> {
  const finishedAt = clock.now();
  const claimed = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "StatisticsRefresh" WHERE "id" = ${refreshId} AND "status" = 'RUNNING' FOR UPDATE`;
  if (claimed.length === 0) return false;

  let written = 0;
  for (const part of chunk(collected.snapshots, WRITE_CHUNK)) {
    written += await tx.$executeRaw`
      INSERT INTO "TrackStatistic" ("trackId", "day", "streams", "likes", "fetchedAt")
      SELECT v."trackId", v."day", v."streams", v."likes", ${finishedAt}
      FROM unnest(${part.map((s) => s.trackId)}::int[], ${part.map((s) => s.day)}::date[], ${part.map((s) => s.streams)}::int[], ${part.map((s) => s.likes)}::int[])
        AS v("trackId", "day", "streams", "likes")
      JOIN "Track" t ON t."id" = v."trackId"
      ON CONFLICT ("trackId", "day") DO UPDATE
        SET "streams" = EXCLUDED."streams", "likes" = EXCLUDED."likes", "fetchedAt" = EXCLUDED."fetchedAt"`;
  }

  const tracksUpdated = new Set(collected.snapshots.filter((snapshot) => snapshot.day === collected.day).map((s) => s.trackId)).size;
  const problems = describeProblems(collected);
  await tx.statisticsRefresh.update({
    where: { id: refreshId },
    data: {
      status: problems ? "PARTIAL" : "SUCCEEDED",
      finishedAt,
      tracksUpdated,
      snapshotsWritten: written,
      missingTrackIds: collected.missingTrackIds,
      unknownTrackIds: collected.unknownTrackIds.slice(0, 1_000),
      error: problems,
    },
  });
  return true;
}

/** While a run is being retried, say why, so the manager sees more than "running". */
export async function noteStatisticsRefreshProblem(db: Db, refreshId: number, problem: string): Promise<void> {
  await db.statisticsRefresh.updateMany({ where: { id: refreshId, status: "RUNNING" }, data: { error: problem.slice(0, 2000) } });
}

/** The run gave up (the worker parked its command): visible as FAILED with the reason. */
export async function markStatisticsRefreshFailed(db: Db, refreshId: number, error: string, clock: Clock = systemClock) {
  await db.statisticsRefresh.updateMany({
    where: { id: refreshId, status: "RUNNING" },
    data: { status: "FAILED", finishedAt: clock.now(), error: error.slice(0, 2000) },
  });
}
