// The relevant genre read from real snapshots in PostgreSQL (docs/domain.md §3.3 criterion 2).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { createReleaseFixture, trackIdByTitle } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { findRelevantGenre } from "./relevant-genre";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function artistId() {
  const manager = await createManager(prisma);
  const artist = await createArtist(prisma, manager.managerId ?? 0);
  return artist.artistId ?? 0;
}

describe("findRelevantGenre (PostgreSQL)", () => {
  beforeEach(async () => {
    await resetDatabase(prisma);
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  it("is null without snapshots in the window", async () => {
    const release = await createReleaseFixture(prisma, await artistId(), { tracks: [{ title: "Old", genre: "Rock" }] });
    await prisma.trackStatistic.create({ data: { trackId: trackIdByTitle(release, "Old"), day: day("2030-01-01"), streams: 5, likes: 0 } });
    expect(await findRelevantGenre(prisma, day("2031-03-01"))).toBeNull();
  });

  it("picks the genre that gained the most streams, not the one with the biggest cumulative sums", async () => {
    const release = await createReleaseFixture(prisma, await artistId(), {
      tracks: [
        { title: "Old Hit", genre: "Rock" },
        { title: "New Wave", genre: "pop" },
        { title: "Other Pop", genre: "Pop" },
      ],
    });
    const oldHit = trackIdByTitle(release, "Old Hit");
    const newWave = trackIdByTitle(release, "New Wave");
    const otherPop = trackIdByTitle(release, "Other Pop");
    await prisma.trackStatistic.createMany({
      data: [
        // Rock: huge cumulative counts every day, only 60 gained since the baseline before the window.
        { trackId: oldHit, day: day("2030-11-15"), streams: 50_000, likes: 1 },
        ...Array.from({ length: 20 }, (_, index) => ({
          trackId: oldHit,
          day: day(`2031-02-${String(index + 1).padStart(2, "0")}`),
          streams: 50_003 + index * 3,
          likes: 1,
        })),
        // Pop (two spellings): 40 + 50 gained.
        { trackId: newWave, day: day("2030-10-01"), streams: 10, likes: 0 },
        { trackId: newWave, day: day("2031-02-20"), streams: 50, likes: 0 },
        { trackId: otherPop, day: day("2031-01-01"), streams: 0, likes: 0 },
        { trackId: otherPop, day: day("2031-02-10"), streams: 50, likes: 0 },
        // After the window end: ignored.
        { trackId: oldHit, day: day("2031-03-05"), streams: 999_999, likes: 1 },
      ],
    });

    const genre = await findRelevantGenre(prisma, day("2031-03-01"));
    expect(genre?.toLowerCase()).toBe("pop");
  });

  it("counts a track's gain from its last snapshot at or before the window start", async () => {
    const release = await createReleaseFixture(prisma, await artistId(), {
      tracks: [
        { title: "Steady", genre: "Jazz" },
        { title: "Fresh", genre: "Soul" },
      ],
    });
    const steady = trackIdByTitle(release, "Steady");
    const fresh = trackIdByTitle(release, "Fresh");
    await prisma.trackStatistic.createMany({
      data: [
        { trackId: steady, day: day("2031-11-01"), streams: 0, likes: 0 },
        { trackId: steady, day: day("2031-12-01"), streams: 1_000, likes: 0 }, // window start: the baseline
        { trackId: steady, day: day("2032-02-01"), streams: 1_100, likes: 0 },
        { trackId: fresh, day: day("2032-01-10"), streams: 500, likes: 0 }, // first in the window: the baseline
        { trackId: fresh, day: day("2032-02-25"), streams: 650, likes: 0 },
      ],
    });
    expect(await findRelevantGenre(prisma, day("2032-03-01"))).toBe("Soul");
  });
});
