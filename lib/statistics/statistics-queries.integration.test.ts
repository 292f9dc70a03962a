// The artist page's and the manager report's queries on real snapshots (docs/domain.md §5).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { addUtcDays, addUtcMonths, fixedClock, startOfUtcDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { createReleaseFixture, trackIdByTitle } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { reportCsvRows } from "./build-report-csv";
import { getArtistStatistics } from "./get-artist-statistics";
import { getManagerReport } from "./get-manager-report";
import { getStatisticsRefreshStatus } from "./get-statistics-refresh-status";

const today = startOfUtcDay(new Date("2026-11-24T15:00:00Z"));
const threeMonthsAgo = addUtcMonths(today, -3);
const clock = fixedClock(today);

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** Two managers; the first has two artists (one without releases), the second one artist. */
async function seedLabel() {
  const manager = await createManager(prisma, "Report Manager");
  const otherManager = await createManager(prisma, "Other Manager");
  const ada = await createArtist(prisma, manager.managerId ?? 0, "Ada");
  const newcomer = await createArtist(prisma, manager.managerId ?? 0, "Newcomer");
  const stranger = await createArtist(prisma, otherManager.managerId ?? 0, "Stranger");
  const album = await createReleaseFixture(prisma, ada.artistId ?? 0, {
    title: "Album",
    releaseDate: new Date("2026-01-10T00:00:00Z"),
    tracks: [
      { title: "Opener", genre: "Jazz" },
      { title: "Closer", genre: "Soul" },
    ],
  });
  const single = await createReleaseFixture(prisma, ada.artistId ?? 0, {
    title: "Single",
    releaseDate: new Date("2026-10-01T00:00:00Z"),
    tracks: [{ title: "Hit", genre: "Jazz" }],
  });
  const demo = await createReleaseFixture(prisma, ada.artistId ?? 0, {
    title: "Demo",
    status: "UNPUBLISHED",
    releaseDate: new Date("2027-02-01T00:00:00Z"),
    tracks: [{ title: "Sketch", genre: "Jazz" }],
  });
  const foreign = await createReleaseFixture(prisma, stranger.artistId ?? 0, { title: "Foreign", tracks: [{ title: "Elsewhere", genre: "Pop" }] });
  const ids = {
    opener: trackIdByTitle(album, "Opener"),
    closer: trackIdByTitle(album, "Closer"),
    hit: trackIdByTitle(single, "Hit"),
    sketch: trackIdByTitle(demo, "Sketch"),
    elsewhere: trackIdByTitle(foreign, "Elsewhere"),
  };
  await prisma.trackStatistic.createMany({
    data: [
      // Opener: 3 months ago 1 000 (a snapshot a few days before the start), today 1 600.
      { trackId: ids.opener, day: addUtcDays(threeMonthsAgo, -2), streams: 1_000, likes: 10 },
      { trackId: ids.opener, day: addUtcDays(today, -30), streams: 1_300, likes: 15 },
      { trackId: ids.opener, day: today, streams: 1_600, likes: 22 },
      // Closer: only an old snapshot before the window — latest is stale, no growth.
      { trackId: ids.closer, day: addUtcDays(threeMonthsAgo, -10), streams: 400, likes: 4 },
      // Hit: first fetched inside the window.
      { trackId: ids.hit, day: new Date("2026-10-01T00:00:00Z"), streams: 0, likes: 0 },
      { trackId: ids.hit, day: addUtcDays(today, -1), streams: 5_000, likes: 300 },
      // Another manager's artist: big numbers, the label's relevant genre.
      { trackId: ids.elsewhere, day: addUtcDays(today, -60), streams: 0, likes: 0 },
      { trackId: ids.elsewhere, day: today, streams: 90_000, likes: 900 },
    ],
  });
  return { manager, otherManager, ada, newcomer, stranger, ids };
}

describe("getManagerReport", () => {
  it("lists every release of every one of the manager's artists, with latest, earlier and growth", async () => {
    const { manager } = await seedLabel();
    const report = await getManagerReport(manager, { clock });

    expect(report.since).toEqual(threeMonthsAgo);
    expect(report.relevantGenre).toBe("Pop");
    expect(report.artists.map((artist) => artist.nickname)).toEqual(["Ada", "Newcomer"]);
    const [ada, newcomer] = report.artists;
    expect(newcomer?.releases).toEqual([]);
    expect(ada?.releases.map((release) => release.title)).toEqual(["Demo", "Single", "Album"]);

    const tracks = new Map(ada?.releases.flatMap((release) => release.tracks.map((track) => [track.title, track])));
    expect(tracks.get("Opener")).toMatchObject({
      latest: { day: today, streams: 1_600, likes: 22 },
      earlier: { day: addUtcDays(threeMonthsAgo, -2), streams: 1_000, likes: 10 },
      growth: { streams: 600, likes: 12, streamsPercent: 60 },
    });
    expect(tracks.get("Closer")).toMatchObject({ latest: { streams: 400 }, earlier: { streams: 400 }, growth: { streams: 0 } });
    expect(tracks.get("Hit")).toMatchObject({ earlier: { streams: 0 }, growth: { streams: 5_000, streamsPercent: null } });
    expect(tracks.get("Sketch")).toMatchObject({ latest: null, earlier: null, growth: null });

    // The CSV has the same rows: one per track, plus one for the artist without releases.
    const rows = reportCsvRows(report);
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      ["Ada", "Demo", "Sketch"],
      ["Ada", "Single", "Hit"],
      ["Ada", "Album", "Opener"],
      ["Ada", "Album", "Closer"],
      ["Newcomer", null, null],
    ]);
  });

  it("shows a manager none of another manager's artists, and nobody else the report", async () => {
    const { otherManager, ada } = await seedLabel();
    const report = await getManagerReport(otherManager, { clock });
    expect(report.artists.map((artist) => artist.nickname)).toEqual(["Stranger"]);
    await expect(getManagerReport(ada, { clock })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getArtistStatistics", () => {
  it("gives the artist their scheduled and published releases with the 30-day change and the chart series", async () => {
    const { ada } = await seedLabel();
    const statistics = await getArtistStatistics(ada, { clock, range: "30d" });

    expect(statistics.releases.map((release) => release.title)).toEqual(["Single", "Album"]);
    expect(statistics.unpublishedCount).toBe(1);
    const album = statistics.releases.find((release) => release.title === "Album");
    const opener = album?.tracks.find((track) => track.title === "Opener");
    expect(opener?.latest).toEqual({ day: today, streams: 1_600, likes: 22 });
    expect(opener?.change).toMatchObject({ streams: 300, likes: 7 });
    expect(album?.totals).toEqual({ streams: 2_000, likes: 26, change: { streams: 300, likes: 7 } });

    expect(statistics.chart.days).toHaveLength(30);
    const albumLine = statistics.chart.lines.find((line) => line.label === "Album");
    // Opener 1 300 (30 days ago, carried forward) + Closer 400 (carried from before the range).
    expect(albumLine?.values[0]).toBe(1_700);
    expect(albumLine?.values.at(-1)).toBe(2_000);
  });

  it("is for artists only", async () => {
    const { manager } = await seedLabel();
    await expect(getArtistStatistics(manager, { clock })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getStatisticsRefreshStatus", () => {
  it("reports the running refresh and when figures were last stored", async () => {
    const { manager } = await seedLabel();
    expect(await getStatisticsRefreshStatus()).toEqual({ running: null, lastFinished: null, lastRefreshedAt: null });

    const stored = new Date("2026-11-23T08:00:00Z");
    await prisma.statisticsRefresh.create({
      data: { reason: "DAILY", day: addUtcDays(today, -1), dailyKey: addUtcDays(today, -1), status: "SUCCEEDED", finishedAt: stored },
    });
    const failed = await prisma.statisticsRefresh.create({
      data: {
        reason: "MANUAL",
        day: today,
        requestedById: manager.id,
        status: "FAILED",
        finishedAt: new Date("2026-11-24T09:00:00Z"),
        error: "connect ECONNREFUSED 10.0.0.7:4010",
      },
    });
    const running = await prisma.statisticsRefresh.create({
      data: { reason: "MANUAL", day: today, requestedById: manager.id, error: "Attempt 1 failed: statistics service answered HTTP 502: <html>" },
    });

    const status = await getStatisticsRefreshStatus();
    expect(status.lastRefreshedAt).toEqual(stored);
    // The service's own words stay in the row; the manager gets ours and a reference.
    expect(status.lastFinished).toMatchObject({ status: "FAILED", problem: `The statistics service did not answer. Reference: refresh #${failed.id}.` });
    expect(status.running).toMatchObject({
      status: "RUNNING",
      reason: "MANUAL",
      requestedBy: "Report Manager",
      problem: `The statistics service did not answer; trying again. Reference: refresh #${running.id}.`,
    });
    expect(JSON.stringify(status)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|HTTP 502|<html>/);
  });
});
