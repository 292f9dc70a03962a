// Statistics refresh end to end: outbox → Kafka → worker → stand-in service → PostgreSQL (docs/domain.md §5).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addUtcDays, startOfUtcDay, toIsoDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { computeTrackCounts, DEFAULT_TRENDING_GENRES } from "@/scripts/stats-service/compute-track-statistics";
import { startStatsService } from "@/scripts/stats-service/start-stats-service";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { createReleaseFixture, trackIdByTitle } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { createRefreshStatisticsHandler } from "@/worker/handlers/refresh-statistics";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import { ensureDailyStatisticsRefresh } from "./ensure-daily-statistics-refresh";
import { requestStatisticsRefresh } from "./request-statistics-refresh";

type RunningService = Awaited<ReturnType<typeof startStatsService>>;

const today = startOfUtcDay(new Date());
const releaseDate = addUtcDays(today, -10);
let service: RunningService;
let worker: RunningWorker;

beforeAll(async () => {
  service = await startStatsService();
  worker = await startWorker(
    {
      db: prisma,
      workerId: "stats-it",
      handlers: [createRefreshStatisticsHandler({ serviceUrl: service.url, timeoutMs: 400, batchSize: 2 })],
      jobs: [],
      log: () => undefined,
    },
    { ...env(), CONSUMER_MAX_ATTEMPTS: 4, CONSUMER_BACKOFF_BASE_MS: 100, CONSUMER_BACKOFF_MAX_MS: 400, OUTBOX_POLL_MS: 100 },
  );
});

afterAll(async () => {
  await worker?.stop();
  await service?.close();
  await prisma.$disconnect();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  service.control({ mode: "normal" });
});

/** A manager with one artist: a published album (3 tracks), a scheduled single and an unpublished demo. */
async function seedLabel() {
  const manager = await createManager(prisma);
  const artist = await createArtist(prisma, manager.managerId ?? 0, "Refresh Tester");
  const artistId = artist.artistId ?? 0;
  const album = await createReleaseFixture(prisma, artistId, {
    title: "Album",
    releaseDate,
    tracks: [
      { title: "One", genre: "Hip-Hop" },
      { title: "Two", genre: "Jazz" },
      { title: "Three", genre: "Jazz" },
    ],
  });
  const single = await createReleaseFixture(prisma, artistId, { title: "Single", status: "SCHEDULED", releaseDate, tracks: [{ title: "Four", genre: "Pop" }] });
  const demo = await createReleaseFixture(prisma, artistId, { title: "Demo", status: "UNPUBLISHED", releaseDate, tracks: [{ title: "Five", genre: "Pop" }] });
  const tracks = {
    one: trackIdByTitle(album, "One"),
    two: trackIdByTitle(album, "Two"),
    three: trackIdByTitle(album, "Three"),
    four: trackIdByTitle(single, "Four"),
    five: trackIdByTitle(demo, "Five"),
  };
  const genres: Record<number, string> = { [tracks.one]: "Hip-Hop", [tracks.two]: "Jazz", [tracks.three]: "Jazz", [tracks.four]: "Pop" };
  return { manager, artist, tracks, genres };
}

function expectedCounts(trackId: number, genre: string, day: Date) {
  return computeTrackCounts({ trackId: String(trackId), genre, releaseDate: toIsoDay(releaseDate) }, toIsoDay(day), DEFAULT_TRENDING_GENRES);
}

async function finishedRefresh(refreshId: number) {
  const refresh = () => prisma.statisticsRefresh.findUniqueOrThrow({ where: { id: refreshId } });
  await expect.poll(async () => (await refresh()).status, { message: `refresh ${refreshId} to finish` }).not.toBe("RUNNING");
  return refresh();
}

async function snapshotsOn(day: Date) {
  const rows = await prisma.trackStatistic.findMany({ where: { day }, orderBy: { trackId: "asc" } });
  return new Map(rows.map((row) => [row.trackId, row]));
}

describe("a manager's refresh through Kafka", () => {
  it("stores today's snapshot of every scheduled and published track, matched by id, and fills in missing days", async () => {
    const { manager, tracks, genres } = await seedLabel();
    const { refreshId, alreadyRunning } = await requestStatisticsRefresh(manager);
    expect(alreadyRunning).toBe(false);

    const refresh = await finishedRefresh(refreshId);
    expect(refresh).toMatchObject({ status: "SUCCEEDED", tracksUpdated: 4, missingTrackIds: [], unknownTrackIds: [], error: null });

    const stored = await snapshotsOn(today);
    expect([...stored.keys()]).toEqual([tracks.one, tracks.two, tracks.three, tracks.four]);
    // The stand-in answers in reverse order; each track still gets its own counts.
    for (const [trackId, row] of stored) {
      expect({ streams: row.streams, likes: row.likes }).toEqual(expectedCounts(trackId, genres[trackId] ?? "", today));
    }
    // History since the release date was filled in: 10 earlier days for each of the 4 tracks.
    expect(await prisma.trackStatistic.count({ where: { day: { lt: today } } })).toBe(40);
    expect(await prisma.trackStatistic.count({ where: { trackId: tracks.five } })).toBe(0);
  });

  it("refuses anyone but a manager and shares a running refresh instead of starting a second one", async () => {
    const { manager, artist } = await seedLabel();
    await expect(requestStatisticsRefresh(artist)).rejects.toBeInstanceOf(ForbiddenError);

    service.control({ mode: "slow", slowMs: 300 });
    const first = await requestStatisticsRefresh(manager);
    const [second, third] = await Promise.all([requestStatisticsRefresh(manager), requestStatisticsRefresh(manager)]);
    expect(second).toEqual({ refreshId: first.refreshId, alreadyRunning: true });
    expect(third).toEqual({ refreshId: first.refreshId, alreadyRunning: true });
    expect(await prisma.statisticsRefresh.count()).toBe(1);
    expect((await finishedRefresh(first.refreshId)).status).toBe("SUCCEEDED");
  });

  it("closes a refresh that never finished instead of letting it block new ones", async () => {
    const { manager } = await seedLabel();
    const lost = await prisma.statisticsRefresh.create({
      data: { reason: "MANUAL", day: today, requestedById: manager.id, startedAt: new Date(Date.now() - 31 * 60 * 1000) },
    });
    const { refreshId, alreadyRunning } = await requestStatisticsRefresh(manager);
    expect(alreadyRunning).toBe(false);
    expect(refreshId).not.toBe(lost.id);
    expect(await prisma.statisticsRefresh.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ status: "FAILED" });
    expect((await finishedRefresh(refreshId)).status).toBe("SUCCEEDED");
  });

  it("retries with backoff while the service is down and succeeds once it is up again", async () => {
    const { manager } = await seedLabel();
    service.control({ failNextRequests: 3 });
    const before = service.counters();
    const { refreshId } = await requestStatisticsRefresh(manager);

    const refresh = await finishedRefresh(refreshId);
    expect(refresh.status).toBe("SUCCEEDED");
    expect(service.counters().failedRequests - before.failedRequests).toBe(3);
    expect((await snapshotsOn(today)).size).toBe(4);
  });

  it("treats a too-slow service as a failure, and marks the refresh failed after the last attempt", async () => {
    const { manager } = await seedLabel();
    service.control({ mode: "slow", slowMs: 2_000 });
    const { refreshId } = await requestStatisticsRefresh(manager);

    const refresh = await finishedRefresh(refreshId);
    expect(refresh.status).toBe("FAILED");
    expect(refresh.error).toMatch(/no answer within 400 ms/);
    expect(refresh.finishedAt).not.toBeNull();
    expect(await prisma.trackStatistic.count()).toBe(0);
  });

  it("stores what a partial answer contains and reports the omitted and unknown tracks", async () => {
    const { manager, tracks } = await seedLabel();
    service.control({ omitTrackIds: [String(tracks.two)], extraTrackIds: ["999999"] });
    const { refreshId } = await requestStatisticsRefresh(manager);

    const refresh = await finishedRefresh(refreshId);
    expect(refresh).toMatchObject({ status: "PARTIAL", tracksUpdated: 3, missingTrackIds: [tracks.two], unknownTrackIds: ["999999"] });
    expect(refresh.error).toMatch(/1 track missing from the answer; 1 unknown track in the answer/);
    const stored = await snapshotsOn(today);
    expect([...stored.keys()]).toEqual([tracks.one, tracks.three, tracks.four]);
  });

  it("replaces the snapshot of a day fetched again instead of adding a second one", async () => {
    const { manager, tracks, genres } = await seedLabel();
    await prisma.trackStatistic.create({ data: { trackId: tracks.one, day: today, streams: 1, likes: 1, fetchedAt: new Date("2020-01-01") } });

    const first = await requestStatisticsRefresh(manager);
    await finishedRefresh(first.refreshId);
    const second = await requestStatisticsRefresh(manager);
    expect(second.refreshId).not.toBe(first.refreshId);
    await finishedRefresh(second.refreshId);

    const rows = await prisma.trackStatistic.findMany({ where: { trackId: tracks.one, day: today } });
    expect(rows).toHaveLength(1);
    expect({ streams: rows[0]?.streams, likes: rows[0]?.likes }).toEqual(expectedCounts(tracks.one, genres[tracks.one] ?? "", today));
    expect(rows[0]?.fetchedAt.getTime()).toBeGreaterThan(new Date("2020-01-02").getTime());
    expect(await prisma.trackStatistic.count({ where: { day: today } })).toBe(4);
  });
});

describe("the daily refresh", () => {
  it("is recorded once per UTC day, however often the scheduler asks, and runs through the worker", async () => {
    await seedLabel();
    const morning = new Date(`${toIsoDay(today)}T00:00:30Z`);
    const results = await Promise.all([
      ensureDailyStatisticsRefresh(morning),
      ensureDailyStatisticsRefresh(morning),
      ensureDailyStatisticsRefresh(new Date(`${toIsoDay(today)}T23:59:59Z`)),
    ]);
    const created = results.filter((result) => result.created);
    expect(created).toHaveLength(1);
    expect(await prisma.outboxEvent.count({ where: { name: "statistics.refresh-requested" } })).toBe(1);

    const refreshId = created[0]?.created ? created[0].refreshId : 0;
    const refresh = await finishedRefresh(refreshId);
    expect(refresh).toMatchObject({ reason: "DAILY", status: "SUCCEEDED", tracksUpdated: 4 });

    const tomorrow = await ensureDailyStatisticsRefresh(addUtcDays(today, 1));
    expect(tomorrow.created).toBe(true);
    expect((await finishedRefresh(tomorrow.created ? tomorrow.refreshId : 0)).day).toEqual(addUtcDays(today, 1));
  });
});
