// Test support: releases with tracks made straight in the database, for the statistics tests.
import { randomUUID } from "node:crypto";
import type { DbClient } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

export type FixtureTrack = { title: string; genre: string };

export async function createReleaseFixture(
  db: DbClient,
  artistId: number,
  options: { title?: string; status?: ReleaseStatus; releaseDate?: Date; tracks: FixtureTrack[] },
) {
  return db.release.create({
    data: {
      artistId,
      title: options.title ?? `Release ${randomUUID().slice(0, 8)}`,
      releaseDate: options.releaseDate ?? new Date("2026-01-01T00:00:00Z"),
      status: options.status ?? "PUBLISHED",
      tracks: {
        create: options.tracks.map((track, index) => ({
          title: track.title,
          genre: track.genre,
          durationSeconds: 180,
          type: "song",
          position: index + 1,
          artists: { create: [{ artistId }] },
        })),
      },
    },
    include: { tracks: { orderBy: { position: "asc" } } },
  });
}

/** The id of a fixture release's track by its title (throws when absent, to keep tests honest). */
export function trackIdByTitle(release: { tracks: { id: number; title: string }[] }, title: string): number {
  const track = release.tracks.find((candidate) => candidate.title === title);
  if (!track) throw new Error(`No track titled ${title}`);
  return track.id;
}
