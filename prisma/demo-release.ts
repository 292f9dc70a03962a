// A demo release with its tracks, for the seed's artists (prisma/seed-database.ts) and for the
// releases their demo publish requests are about (prisma/demo-requests.ts).
import type { DbClient } from "@/lib/db";

export type DemoTrack = { title: string; genre: string; durationSeconds: number; type: string };

/** A release with its tracks (the owner performs on each), unless one of that title exists. */
export async function ensureRelease(
  tx: DbClient,
  artistId: number,
  release: { title: string; releaseDate: Date; status: "UNPUBLISHED" | "PUBLISHED"; tracks: DemoTrack[] },
): Promise<{ id: number; created: boolean }> {
  const existing = await tx.release.findFirst({ where: { artistId, title: release.title }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const created = await tx.release.create({
    data: { artistId, title: release.title, releaseDate: release.releaseDate, status: release.status },
    select: { id: true },
  });
  for (const [index, track] of release.tracks.entries()) {
    await tx.track.create({
      data: { releaseId: created.id, position: index + 1, ...track, artists: { create: [{ artistId }] } },
    });
  }
  return { id: created.id, created: true };
}
