// Writes a release's tracks with their performing artists (the owner always among them).
import "server-only";
import type { DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { trackFieldKey, type TrackInput } from "@/lib/releases/schemas";

/**
 * Resolves the other performers' nicknames (case-insensitively) to artists; an unknown
 * nickname is an error on that track's field, naming the nickname.
 */
async function resolvePerformers(tx: DbClient, ownerArtistId: number, tracks: readonly TrackInput[]): Promise<number[][]> {
  const wanted = [...new Set(tracks.flatMap((track) => track.artists.map((nickname) => nickname.toLowerCase())))];
  const found = wanted.length
    ? await tx.artist.findMany({ where: { nickname: { in: wanted, mode: "insensitive" } }, select: { id: true, nickname: true } })
    : [];
  const byNickname = new Map(found.map((artist) => [artist.nickname.toLowerCase(), artist.id]));
  return tracks.map((track, index) => {
    const ids = new Set<number>([ownerArtistId]);
    for (const nickname of track.artists) {
      const artistId = byNickname.get(nickname.toLowerCase());
      if (artistId === undefined) {
        throw new DomainError(`There is no artist with the nickname "${nickname}"`, { field: trackFieldKey(index, "artists") });
      }
      ids.add(artistId);
    }
    return [...ids];
  });
}

/** Positions follow the order of `tracks`, starting at 1. */
export async function writeTracks(tx: DbClient, releaseId: number, ownerArtistId: number, tracks: readonly TrackInput[]): Promise<void> {
  const performers = await resolvePerformers(tx, ownerArtistId, tracks);
  for (const [index, track] of tracks.entries()) {
    await tx.track.create({
      data: {
        releaseId,
        position: index + 1,
        title: track.title,
        durationSeconds: track.durationSeconds,
        genre: track.genre,
        type: track.type,
        artists: { create: (performers[index] ?? [ownerArtistId]).map((artistId) => ({ artistId })) },
      },
    });
  }
}
